package generator

// yearPlan builds arshjul.md and arshjul.ics.
func (g *builder) yearPlan() ([]document, error) { return nil, nil }
