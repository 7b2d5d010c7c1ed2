package pdf

// placement is an item at a vertical position on a page.
type placement struct {
	it *item
	y  float64
}

// paginate distributes items over pages. It breaks only between items
// and never after an item marked keep, moving the whole kept chain to the
// next page when it does not fit, unless the chain fills a page on its own.
// A table row that starts a page gets its table's header repeated above it.
// Headings get their page and position.
func paginate(items []*item, headings []*heading) [][]placement {
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
		if j > first {
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
	for p, pl := range pages {
		for _, x := range pl {
			if x.it.heading > 0 && x.it != nil {
				h := headings[x.it.heading-1]
				h.page, h.y = p+1, x.y
			}
		}
	}
	return pages
}
