package generator

// checklistDocs builds sjekklister/<id>.md for every checklist.
func (g *builder) checklistDocs() ([]document, error) { return nil, nil }
