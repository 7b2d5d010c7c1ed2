package diff

import (
	"cmp"
	"samarbeid/generator/model"
	"slices"
)

// pair joins an item of the old list with one of the new list; -1 stands
// for «not there», so {-1, n} is added and {o, -1} removed.
type pair struct{ o, n int }

// similar is how alike two wordings must be, as an edit-distance ratio, to
// count as the same item reworded. Below it they are one removed and one
// added: duties that share only «har ansvar for …» are different duties.
const similar = 0.6

// order puts the pairs in the new list's order, the removed ones last in
// the old list's order, so the report follows the new revision.
func order(ps []pair) []pair {
	slices.SortStableFunc(ps, func(a, b pair) int {
		switch {
		case a.n >= 0 && b.n >= 0:
			return cmp.Compare(a.n, b.n)
		case a.n >= 0:
			return -1
		case b.n >= 0:
			return 1
		}
		return cmp.Compare(a.o, b.o)
	})
	return ps
}

// byKey pairs items with equal keys; an empty key matches nothing.
func byKey(oldKeys, newKeys []string) []pair {
	used := make([]bool, len(oldKeys))
	var ps []pair
	for n, k := range newKeys {
		o := -1
		for i, ok := range oldKeys {
			if !used[i] && k != "" && ok == k {
				o = i
				break
			}
		}
		if o >= 0 {
			used[o] = true
		}
		ps = append(ps, pair{o, n})
	}
	for i := range oldKeys {
		if !used[i] {
			ps = append(ps, pair{i, -1})
		}
	}
	return order(ps)
}

// split parts ps into the matched pairs and the indexes of the old and the
// new items still without a partner.
func split(ps []pair) (matched []pair, olds, news []int) {
	for _, p := range ps {
		switch {
		case p.o >= 0 && p.n >= 0:
			matched = append(matched, p)
		case p.o >= 0:
			olds = append(olds, p.o)
		default:
			news = append(news, p.n)
		}
	}
	return matched, olds, news
}

// refine pairs the unmatched items of ps again by a second key, e.g. the
// contact persons who kept their position but changed their name.
func refine(ps []pair, oldKeys, newKeys []string) []pair {
	out, olds, news := split(ps)
	ok := make([]string, len(olds))
	for i, o := range olds {
		ok[i] = oldKeys[o]
	}
	nk := make([]string, len(news))
	for i, n := range news {
		nk[i] = newKeys[n]
	}
	for _, p := range byKey(ok, nk) {
		q := pair{-1, -1}
		if p.o >= 0 {
			q.o = olds[p.o]
		}
		if p.n >= 0 {
			q.n = news[p.n]
		}
		out = append(out, q)
	}
	return order(out)
}

// byText pairs texts: equal ones first, then the most alike of the rest,
// as long as they are alike enough to be one text reworded.
func byText(olds, news []string) []pair {
	ps := byKey(normAll(olds), normAll(news))
	return bySimilarity(ps, olds, news)
}

// bySimilarity pairs the unmatched items of ps by how alike their texts are.
func bySimilarity(ps []pair, olds, news []string) []pair {
	out, freeOld, freeNew := split(ps)
	type candidate struct {
		pair
		ratio float64
	}
	var cs []candidate
	for _, o := range freeOld {
		for _, n := range freeNew {
			if r := ratio(norm(olds[o]), norm(news[n])); r >= similar {
				cs = append(cs, candidate{pair{o, n}, r})
			}
		}
	}
	slices.SortStableFunc(cs, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.ratio, a.ratio), cmp.Compare(a.o, b.o), cmp.Compare(a.n, b.n))
	})
	usedOld, usedNew := map[int]bool{}, map[int]bool{}
	for _, c := range cs {
		if usedOld[c.o] || usedNew[c.n] {
			continue
		}
		usedOld[c.o], usedNew[c.n] = true, true
		out = append(out, c.pair)
	}
	for _, o := range freeOld {
		if !usedOld[o] {
			out = append(out, pair{o, -1})
		}
	}
	for _, n := range freeNew {
		if !usedNew[n] {
			out = append(out, pair{-1, n})
		}
	}
	return order(out)
}

// ratio is 1 minus the edit distance over the longer length: 1 for equal
// texts, 0 for texts with nothing in common.
func ratio(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	longest := max(len(ra), len(rb))
	if longest == 0 {
		return 1
	}
	return 1 - float64(model.EditDistance(string(ra), string(rb)))/float64(longest)
}

// norm is a text as its meaning goes: the same words, however the lines
// were broken in the file.
func norm(s string) string { return oneLine(s) }

func normAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = norm(s)
	}
	return out
}
