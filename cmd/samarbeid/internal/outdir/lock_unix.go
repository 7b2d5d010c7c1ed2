//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package outdir

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// lock takes an exclusive lock on the folder that holds dir, so two runs
// writing to dir take turns. The kernel releases it when the process ends,
// however it ends.
func lock(parent, dir string, opt Options) (unlock func(), err error) {
	f, err := os.Open(parent)
	if err != nil {
		return nil, &Error{parent, "kan ikke åpne mappen", err}
	}
	deadline := time.Now().Add(opt.Wait)
	waited := false
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() { f.Close() }, nil // closing releases the lock
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, &Error{parent, "kan ikke låse mappen", err}
		}
		if !time.Now().Before(deadline) {
			f.Close()
			return nil, &Error{dir, "en annen «samarbeid generate» skriver hit og er ikke ferdig; prøv igjen når den er ferdig", nil}
		}
		if !waited && opt.Waiting != nil {
			opt.Waiting()
		}
		waited = true
		time.Sleep(50 * time.Millisecond)
	}
}
