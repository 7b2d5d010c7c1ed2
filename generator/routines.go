package generator

// routineSheets builds rutiner/<role-id>.md for every role.
func (g *builder) routineSheets() ([]document, error) { return nil, nil }
