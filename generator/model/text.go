package model

import "strings"

// JoinAnd lists words the Norwegian way: «a», «a og b», «a, b og c».
func JoinAnd(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " og " + words[len(words)-1]
}
