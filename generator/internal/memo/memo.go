// Package memo keeps what a process makes once per key.
package memo

import "sync"

// Map makes each key's value the first time it is asked for and gives
// every later caller the same value; a caller that asks while the value is
// being made waits for it. The zero Map is ready to use.
type Map[K comparable, V any] struct{ m sync.Map }

// Get is the value of key, made by make when no caller has asked before.
func (c *Map[K, V]) Get(key K, make func() (V, error)) (V, error) {
	f, ok := c.m.Load(key)
	if !ok {
		f, _ = c.m.LoadOrStore(key, sync.OnceValues(make))
	}
	return f.(func() (V, error))()
}
