package main

import (
	"syscall"
	"unsafe"
)

// doubleClicked reports whether the program is alone in its console
// window, which on Windows means Explorer or a shortcut started it (a
// double-click), not a command typed in a terminal.
func doubleClicked() bool {
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")
	if proc.Find() != nil {
		return false
	}
	var ids [2]uint32
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return n == 1
}
