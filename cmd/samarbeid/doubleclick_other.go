//go:build !windows

package main

// doubleClicked is false where programs are started from a terminal.
func doubleClicked() bool { return false }
