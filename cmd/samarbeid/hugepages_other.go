//go:build !linux

package main

// useHugePages is a Linux matter; see hugepages_linux.go.
func useHugePages() {}
