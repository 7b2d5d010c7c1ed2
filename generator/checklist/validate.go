package checklist

import (
	"fmt"
	"slices"
	"strings"

	"samarbeid/generator/model"
)

// Validate checks the file's checklist changes against the built-in
// checklists: every changed item and every list an item is added to must
// exist, a file's own list must not take a built-in list's id, and every
// change must change something. The diagnostics point at the file's lines.
func Validate(file string, a *model.Agreement, b *Builtin) model.Diagnostics {
	r := &model.Reporter{File: file}
	validateChanges(r, a.Checklists.Changes, b)
	validateLists(r, a, b)
	validateDeadlines(r, a, b)
	warnShared(r, a, b)
	return r.Diags.Sort()
}

// validateDeadlines reports a changed deadline that points the other way
// than the built-in item's phase.
func validateDeadlines(r *model.Reporter, a *model.Agreement, b *Builtin) {
	for _, c := range a.Checklists.Changes {
		d := b.item(string(c.Item))
		if d == nil {
			continue
		}
		if msg := model.Contradicts(d.Phase, c.Deadline, d.List); msg != "" {
			r.Errorf(c.At("deadline"), "%s", msg)
		}
	}
}

// warnShared warns when several roles of one party share a function that
// built-in items go to, and the file has not said which of them has each
// item: both get every item, which is seldom what the parties mean. Roles
// of the same function in different offices are what a city with several
// NAV offices has, and each gets its items.
func warnShared(r *model.Reporter, a *model.Agreement, b *Builtin) {
	settled := map[string]bool{}
	for _, c := range a.Checklists.Changes {
		if c.Off || c.Role != "" {
			settled[string(c.Item)] = true
		}
	}
	for _, kind := range model.RoleKinds {
		roles := a.RolesOfKind(model.RoleKind(kind))
		for i, x := range roles {
			for _, y := range roles[:i] {
				if a.PartyOf(x.ID) != a.PartyOf(y.ID) {
					continue
				}
				var items []string
				for _, it := range b.Items {
					if it.Role == kind && !settled[it.ID] {
						items = append(items, it.ID)
					}
				}
				if len(items) == 0 {
					continue
				}
				r.Warnf(x.At("kind"), "rollene «%s» og «%s» har begge «kind: %s» i samme part, så de innebygde punktene for %s (for eksempel «%s») går til begge; skriv hvem som har hvert punkt under «checklists: changes:» med «item: %s» og «role: %s», eller gi den ene rollen en annen «kind» eller ingen", y.ID, x.ID, kind, kind, items[0], items[0], y.ID)
				break
			}
		}
	}
}

func validateChanges(r *model.Reporter, changes []model.ItemChange, b *Builtin) {
	seen := map[model.ID]model.Pos{}
	for _, c := range changes {
		if c.Item == "" {
			continue // reported as missing by the model
		}
		if b.item(string(c.Item)) == nil {
			r.Errorf(c.At("item"), "«item: %s» er ikke et innebygd sjekklistepunkt%s", c.Item, hint(string(c.Item), b.itemIDs(), "de innebygde punktene står med id i checklists.yaml"))
			continue
		}
		if p, ok := seen[c.Item]; ok {
			r.Errorf(c.At("item"), "punktet «%s» er endret før (linje %d); samle endringene av punktet på ett sted", c.Item, p.Line)
			continue
		}
		seen[c.Item] = c.At("item")
		changes := c.Text != "" || c.Role != "" || !c.Deadline.IsZero()
		switch {
		case c.Off && changes:
			r.Errorf(c.At("off"), "punktet «%s» er slått av med «off: true», så «text», «role» og «deadline» blir ikke brukt; slett dem, eller slett «off: true»", c.Item)
		case !c.Off && !changes:
			r.Errorf(c.Pos, "endringen av punktet «%s» endrer ingenting; skriv «off: true» for å slå det av, eller «text:», «role:» eller «deadline:»", c.Item)
		}
	}
}

func validateLists(r *model.Reporter, a *model.Agreement, b *Builtin) {
	builtin := builtinListIDs(a, b)
	for _, l := range a.Checklists.Lists {
		if slices.Contains(builtin, string(l.ID)) {
			r.Errorf(l.At("id"), "«%s» er en innebygd sjekkliste; legg punktene dine rett i den med «checklists.items» og «list: %s», eller gi listen din en annen id", l.ID, l.ID)
		}
	}
	known := builtin
	for _, l := range a.Checklists.Lists {
		known = append(known, string(l.ID))
	}
	for _, it := range a.Checklists.Items {
		if it.List != "" && !slices.Contains(known, string(it.List)) {
			r.Errorf(it.At("list"), "«list: %s» er ikke en sjekkliste%s", it.List, hint(string(it.List), known, "skriv "+model.OrList(known)))
		}
	}
}

// builtinListIDs are the ids of the built-in lists as the agreement has
// them: the meeting list once per meeting body.
func builtinListIDs(a *model.Agreement, b *Builtin) []string {
	var ids []string
	for _, l := range b.Lists {
		if l.ID != MeetingList {
			ids = append(ids, l.ID)
			continue
		}
		for _, m := range a.Meetings {
			ids = append(ids, MeetingPrefix+string(m.ID))
		}
	}
	return ids
}

func (b *Builtin) itemIDs() []string {
	ids := make([]string, len(b.Items))
	for i, it := range b.Items {
		ids[i] = it.ID
	}
	return ids
}

// hint suggests the candidate nearest to s, or says what to write.
func hint(s string, candidates []string, otherwise string) string {
	if best := closest(s, candidates); best != "" {
		return fmt.Sprintf(" – mente du «%s»?", best)
	}
	return "; " + otherwise
}

// closest is the candidate within a typo's reach of s, or the only one
// that s begins, or "".
func closest(s string, candidates []string) string {
	var prefixed []string
	for _, c := range candidates {
		if len(s) >= 4 && strings.HasPrefix(c, s) {
			prefixed = append(prefixed, c)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0]
	}
	best, bestDist := "", 0
	for _, c := range candidates {
		if d := model.EditDistance(s, c); best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	if limit := max(2, len([]rune(s))/3); bestDist > limit {
		return ""
	}
	return best
}
