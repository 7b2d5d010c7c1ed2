package generator

// background runs the jobs Generate has done beside its main line one
// after another, on one goroutine, in the order the main line needs their
// results. On two cores the main line keeps one and the jobs share the
// other. Started as goroutines of their own they took turns on it in no
// particular order: the typesetting waited up to 4 ms for a font whose
// parsing the other jobs had pushed back, and the reader up to 2 ms for
// its words. Each job makes its result once (sync.Once and the like), so
// when the main line needs a result before its job has run, it makes it
// itself, and when the job is running, it waits for it.
type background chan func()

func startBackground() background {
	b := make(background, 16)
	go func() {
		for job := range b {
			job()
		}
	}()
	return b
}
