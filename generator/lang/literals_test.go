package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// documentPackages are the packages whose strings can reach a document.
// The command line (cmd) and the messages of check are bokmål by design
// and not listed.
var documentPackages = []string{
	"..", "../render", "../pdf", "../html", "../calendar", "../checklist",
	"../content", "../law", "../mdtree", "../diff",
}

// norwegian finds a Norwegian word in a string: æ, ø or å, or one of the
// small words every Norwegian sentence has.
var norwegian = regexp.MustCompile(`[æøåÆØÅ]|\b(og|eller|ikke|ikkje|som|til|for|med|av|på|er|skal|blir|det|den|har|fra|frå|etter|møte|avtalen|rutinen|dato|side|versjon|Versjon|innhold|innhald|Side|Innhold|fjernet|fjerna|endret|endra|omformulert|nytt|navn|namn|ja|nei)\b`)

// messageFuncs are calls whose string arguments are messages for the
// person running the command, which stay bokmål (issue 8: «CLI messages
// may stay in bokmål»), or patterns the reader matches input with.
var messageFuncs = map[string]bool{
	"Errorf": true, "Warnf": true, "New": true, "Fatalf": true, "Fatal": true,
	"MustCompile": true, // the content check's patterns and the standard texts' {kommunen} placeholders, matched in the file's own text
	"kw":          true, // the content check's keywords, matched in the file's own text
}

// allowedVars hold input words, not output: each is explained where it is
// declared.
var allowedVars = map[string]bool{
	"names":    true, // law: every name an Act is cited by in a file
	"sections": true, // law: section titles from the law's table of contents, for in-force checks; never printed
	"table":    true, // law: provision codes
}

// allowedLiterals are single strings that are codes or file names, not
// words: output paths are the same in every language.
var allowedLiterals = map[string]bool{
	// output file names, the same in every målform
	"samarbeidsrutine": true, "samarbeidsavtale": true,
	// codes of the file format and of the built-in files: the topics
	// «mål» and «ledermøte», the meeting kind «overføringsmøte», the
	// {avtalen} placeholder
	"mål": true, "ledermøte": true, "overføringsmøte": true, "{avtalen}": true,
	// the producer in the PDF's metadata: the program's name
	"samarbeid med go-pdf/fpdf": true,
	// the HTML page's anchor for the skip link, never shown
	"<a class=\"skip\" href=\"#innhold\">": true, "<main id=\"innhold\" tabindex=\"-1\">\n": true,
}

// allowedFuncs read input: the law citations a file's text may contain.
var allowedFuncs = map[string]bool{"splitList": true, "cutRange": true, "Error": true}

// TestNoNorwegianInGo fails when a non-test Go file of a package that
// writes documents holds a Norwegian word outside a message, an input
// pattern or the short lists above: the word belongs in the language
// pack (templates/lang/*.yaml).
func TestNoNorwegianInGo(t *testing.T) {
	found := eachLiteral(t, documentPackages, func(pos token.Position, lit *ast.BasicLit, s string, stack []ast.Node) {
		if norwegian.MatchString(s) && !allowedLiterals[s] && !exempt(stack) {
			t.Errorf("%s: Norwegian in Go: %s; put the words in templates/lang/*.yaml", pos, lit.Value)
		}
	})
	if found < 20 {
		t.Fatalf("read %d Go files; the test reads nothing", found)
	}
}

// eachLiteral calls fn with every string literal of the non-test Go files
// in dirs, its value and the nodes it stands in (the literal last). It
// returns how many files it read.
func eachLiteral(t *testing.T, dirs []string, fn func(pos token.Position, lit *ast.BasicLit, s string, stack []ast.Node)) int {
	t.Helper()
	fset := token.NewFileSet()
	found := 0
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			found++
			var stack []ast.Node
			ast.Inspect(f, func(n ast.Node) bool {
				if n == nil {
					stack = stack[:len(stack)-1]
					return true
				}
				stack = append(stack, n)
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil {
						fn(fset.Position(lit.Pos()), lit, s, stack)
					}
				}
				return true
			})
		}
	}
	return found
}

// exempt reports whether the literal on top of stack stands in a message
// call, an input pattern, an import, a struct tag or an allowed variable.
func exempt(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.ImportSpec, *ast.Field:
			return true
		case *ast.FuncDecl:
			if allowedFuncs[n.Name.Name] {
				return true // an input parser, or an error's message
			}
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok && k.Name == "msg" {
				return true // a typesetting error's message, for the template's author
			}
		case *ast.CallExpr:
			switch fn := n.Fun.(type) {
			case *ast.SelectorExpr:
				if messageFuncs[fn.Sel.Name] {
					return true
				}
				if x, ok := fn.X.(*ast.SelectorExpr); ok && x.Sel.Name == "src" && fn.Sel.Name == "add" {
					return true // a typesetting error's message, for the template's author
				}
			case *ast.Ident:
				if messageFuncs[fn.Name] {
					return true
				}
			}
		case *ast.ValueSpec:
			for _, name := range n.Names {
				if allowedVars[name.Name] {
					return true
				}
			}
		}
	}
	return false
}

// inputPackages read the file's phrases: their words come from the packs'
// read.* lists, so that a file may write either målform and a new pack
// brings its own.
var inputPackages = []string{"../model", "../checklist"}

// TestNoInputWordsInGo fails when a non-test Go file of the reader holds,
// outside a message, a word the language packs list as input (read.*,
// month and weekday names): the reader must take it from the packs.
func TestNoInputWordsInGo(t *testing.T) {
	words := map[string]bool{}
	for _, code := range Codes {
		p := Builtin(code)
		for key, list := range p.lists {
			if strings.HasPrefix(key, "read.") && !strings.HasPrefix(key, "read.example.") || key == "date.months" || key == "date.weekdays" {
				for _, phrase := range list {
					for _, w := range strings.Fields(phrase) {
						words[strings.Trim(w, ".")] = true
					}
				}
			}
		}
	}
	// Short words and these everyday ones stand in messages too; «annen»
	// is also a code of the file format («kind: annen»).
	for w := range words {
		if utf8.RuneCountInString(w) < 4 || w == "eller" || w == "møte" || w == "annen" {
			delete(words, w)
		}
	}
	letters := regexp.MustCompile(`\pL+`)
	found := eachLiteral(t, inputPackages, func(pos token.Position, lit *ast.BasicLit, s string, stack []ast.Node) {
		if inMessage(stack) || strings.HasPrefix(s, "read.") || strings.HasPrefix(s, "date.") || s == phaseAfter {
			return // a message, a key of the pack, or a checklist item's «phase: etter»
		}
		for _, w := range letters.FindAllString(strings.ToLower(s), -1) {
			if words[w] {
				t.Errorf("%s: the input word «%s» in Go: %s; the reader takes it from read.* in templates/lang/*.yaml", pos, w, lit.Value)
				return
			}
		}
	})
	if found < 5 {
		t.Fatalf("read %d Go files; the test reads nothing", found)
	}
}

// phaseAfter is a code of the file format («phase: etter») that is also a
// word of deadlines.
const phaseAfter = "etter"

// inMessage reports whether the literal on top of stack is an argument of
// a message call, which stays bokmål, a struct tag, or in the YAML
// parser's messages put into Norwegian (model.syntaxMessages).
func inMessage(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.Field, *ast.ImportSpec:
			return true
		case *ast.ValueSpec:
			if len(n.Names) == 1 && n.Names[0].Name == "syntaxMessages" {
				return true
			}
		case *ast.CallExpr:
			name := ""
			switch fn := n.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			if name == "Errorf" || name == "Warnf" || name == "New" || name == "Sprintf" {
				return true
			}
		}
	}
	return false
}
