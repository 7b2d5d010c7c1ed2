package pdf

// placement is an item at a vertical position on a page.
type placement struct {
	it *item
	y  float64
}

// paginate distributes items over pages. It breaks only between items
// and never after an item marked keep, moving the whole kept chain to the
// next page when it does not fit, unless the chain fills a page on its
// own; even then a page never ends with a heading. A table row that
// starts a page gets its table's header repeated above it. When the last
// page would hold only what could fit on the page before with less space
// between blocks, the last two pages are set tighter. Headings get their
// page and position.
func paginate(items []*item, headings []*heading) [][]placement {
	pages := paginateFrom(items, len(items))
	if n := len(pages); n >= 2 {
		from := indexOf(items, pages[n-2][0].it)
		if tight := paginateFrom(items, from); len(tight) < n {
			pages = tight
		}
	}
	for p, pl := range pages {
		for _, x := range pl {
			if x.it.heading > 0 {
				h := headings[x.it.heading-1]
				h.page, h.y = p+1, x.y
			}
		}
	}
	return pages
}

func indexOf(items []*item, it *item) int {
	for i, x := range items {
		if x == it {
			return i
		}
	}
	return len(items)
}

// paginateFrom paginates with the space above items from index tight on
// reduced by squeeze.
func paginateFrom(items []*item, tight int) [][]placement {
	var (
		pages [][]placement
		page  []placement
		y     = contentTop
		first = 0 // index of the first item on the current page
	)
	newPage := func() {
		pages = append(pages, page)
		page, y = nil, contentTop
	}
	for i := 0; i < len(items); {
		it := items[i]
		if it.breakFrom && len(page) > 0 && i != first {
			newPage()
			first = i
			continue
		}
		if len(page) == 0 && it.header != nil && it.header != items[max(i-1, 0)] {
			page = append(page, placement{it.header, y})
			y += it.header.h
		}
		before := it.before
		if i >= tight {
			before *= 1 - squeeze
		}
		if len(page) == 0 {
			before = 0
		}
		if y+before+it.h <= contentBot || len(page) == 0 || (len(page) == 1 && page[0].it == it.header) {
			page = append(page, placement{it, y + before})
			y += before + it.h
			i++
			continue
		}
		// Find where the kept chain ending here starts.
		j := i
		for j > first && items[j-1].keep {
			j--
		}
		if j == first {
			// The chain fills the page: break inside it, but not right
			// after a heading.
			j = i
			for j > first+1 && items[j-1].role == roleHeading {
				j--
			}
		}
		if j < i {
			// Move items j..i-1 to the next page.
			for len(page) > 0 && page[len(page)-1].it != items[j-1] {
				page = page[:len(page)-1]
			}
			i = j
		}
		newPage()
		first = i
	}
	if len(page) > 0 || len(pages) == 0 {
		pages = append(pages, page)
	}
	return pages
}
