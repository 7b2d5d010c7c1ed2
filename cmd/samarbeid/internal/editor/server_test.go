package editor

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"samarbeid/generator/diff"
	"samarbeid/generator/model"
	"samarbeid/generator/schema"
)

type session struct {
	t    *testing.T
	srv  *Server
	ts   *httptest.Server
	base string // the address with the token
	csrf string
	file string
}

// open starts an editor on a copy of sample in a fresh folder.
func open(t *testing.T, sample string) *session {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, filepath.Base(sample))
	if sample != "" {
		data, err := os.ReadFile(sample)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		// the annexes the samples attach
		annexes, _ := filepath.Glob(filepath.Join(filepath.Dir(sample), "vedlegg", "*"))
		for _, a := range annexes {
			data, _ := os.ReadFile(a)
			os.MkdirAll(filepath.Join(dir, "vedlegg"), 0o755)
			os.WriteFile(filepath.Join(dir, "vedlegg", filepath.Base(a)), data, 0o644)
		}
	}
	sch, err := schema.Generate()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{File: file, Schema: sch})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(nil)
	ts.Config.Handler = srv.Handler(ts.Listener.Addr().String())
	ts.Start()
	t.Cleanup(ts.Close)
	s := &session{t: t, srv: srv, ts: ts, base: ts.URL + srv.Path(), file: file}
	code, page := s.get("")
	m := regexp.MustCompile(`name="csrf" content="([0-9a-f]+)"`).FindStringSubmatch(page)
	if code != 200 || m == nil {
		t.Fatalf("the page: %d %q", code, page)
	}
	s.csrf = m[1]
	return s
}

func (s *session) do(req *http.Request) (int, string) {
	s.t.Helper()
	res, err := s.ts.Client().Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

func (s *session) get(path string) (int, string) {
	req, _ := http.NewRequest("GET", s.base+path, nil)
	return s.do(req)
}

func (s *session) post(path string, body []byte) (int, string) {
	req, _ := http.NewRequest("POST", s.base+path, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Samarbeid-CSRF", s.csrf)
	return s.do(req)
}

// A request without the token, from another site, to another host name,
// or a change without the CSRF token is refused.
func TestRefused(t *testing.T) {
	s := open(t, "../../../../samples/kristiansand.yaml")
	cases := map[string]func() *http.Request{
		"no token": func() *http.Request { r, _ := http.NewRequest("GET", s.ts.URL+"/api/state", nil); return r },
		"wrong token": func() *http.Request {
			r, _ := http.NewRequest("GET", s.ts.URL+"/"+strings.Repeat("0", 48)+"/api/state", nil)
			return r
		},
		"token as prefix": func() *http.Request {
			r, _ := http.NewRequest("GET", strings.TrimSuffix(s.base, "/")+"x/api/state", nil)
			return r
		},
		"foreign Host (DNS rebinding)": func() *http.Request {
			r, _ := http.NewRequest("GET", s.base+"api/state", nil)
			r.Host = "angriper.example:80"
			return r
		},
		"foreign Origin": func() *http.Request {
			r, _ := http.NewRequest("POST", s.base+"api/save", strings.NewReader(`{"doc":{}}`))
			r.Header.Set("Origin", "http://angriper.example")
			r.Header.Set("Content-Type", "application/json")
			r.Header.Set("X-Samarbeid-CSRF", s.csrf)
			return r
		},
		"cross-site fetch": func() *http.Request {
			r, _ := http.NewRequest("GET", s.base+"api/state", nil)
			r.Header.Set("Sec-Fetch-Site", "cross-site")
			return r
		},
		"no CSRF token": func() *http.Request {
			r, _ := http.NewRequest("POST", s.base+"api/save", strings.NewReader(`{"doc":{}}`))
			r.Header.Set("Content-Type", "application/json")
			return r
		},
		"form post": func() *http.Request {
			r, _ := http.NewRequest("POST", s.base+"api/save", strings.NewReader(`doc=x`))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			r.Header.Set("X-Samarbeid-CSRF", s.csrf)
			return r
		},
	}
	before, _ := os.ReadFile(s.file)
	for name, req := range cases {
		code, body := s.do(req())
		if code != http.StatusForbidden && code != http.StatusUnsupportedMediaType {
			t.Errorf("%s: %d %q, want refused", name, code, body)
		}
		if strings.Contains(body, "Kristiansand") {
			t.Errorf("%s: the answer shows the file", name)
		}
	}
	if after, _ := os.ReadFile(s.file); !bytes.Equal(before, after) {
		t.Error("a refused request changed the file")
	}
	if code, _ := s.get("api/state"); code != 200 {
		t.Errorf("with the token: %d", code)
	}
}

// The editor serves only the output folder's files, and writes the bundle
// only into a folder beside the file.
func TestPathOutsideRefused(t *testing.T) {
	s := open(t, "../../../../samples/kristiansand.yaml")
	dir := filepath.Dir(s.file)
	os.WriteFile(filepath.Join(filepath.Dir(dir), "hemmelig.txt"), []byte("hemmelig"), 0o644)
	os.MkdirAll(filepath.Join(dir, "ut"), 0o755)
	os.WriteFile(filepath.Join(dir, "ut", "lov.md"), []byte("lovlig"), 0o644)
	os.Symlink(filepath.Join(filepath.Dir(dir), "hemmelig.txt"), filepath.Join(dir, "ut", "lenke.txt"))
	if code, body := s.get("ut/lov.md"); code != 200 || body != "lovlig" {
		t.Fatalf("a file of the output folder: %d %q", code, body)
	}
	for _, p := range []string{"ut/../kristiansand.yaml", "ut/%2e%2e/kristiansand.yaml", "ut/..%2fkristiansand.yaml", "ut/../../hemmelig.txt", "ut/lenke.txt", "ut/%2fetc%2fpasswd", "ut/..\\kristiansand.yaml"} {
		req, _ := http.NewRequest("GET", s.base, nil)
		req.URL.Opaque = strings.TrimPrefix(s.base, "http:") + p // sent as written
		code, body := s.do(req)
		if code == 200 || strings.Contains(body, "hemmelig") || strings.Contains(body, "Kristiansand") {
			t.Errorf("%s: %d %q", p, code, body)
		}
	}
	for _, d := range []string{"../ut", "/tmp/ut", "..", ".", "", "ut/../../x", `C:\ut`} {
		code, body := s.post("api/generate", []byte(`{"dir":`+quote(d)+`}`))
		if code != http.StatusBadRequest {
			t.Errorf("generate into %q: %d %q", d, code, body)
		}
	}
}

func quote(s string) string { b, _ := json.Marshal(s); return string(b) }

// stateDoc is the form's value of the file, as a node tree to edit.
func (s *session) state() (doc *yaml.Node, version string) {
	s.t.Helper()
	code, body := s.get("api/state")
	var st struct {
		Version string
		Doc     json.RawMessage
	}
	if code != 200 || json.Unmarshal([]byte(body), &st) != nil {
		s.t.Fatalf("state: %d %q", code, body)
	}
	doc, err := fromJSON(st.Doc)
	if err != nil {
		s.t.Fatal(err)
	}
	return doc, st.Version
}

func (s *session) save(doc *yaml.Node, version string) (int, string) {
	var b bytes.Buffer
	toJSON(&b, doc)
	body, _ := json.Marshal(map[string]any{"doc": json.RawMessage(b.Bytes()), "version": version})
	return s.post("api/save", body)
}

func set(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
}

func mapping(kv ...string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(kv); i += 2 {
		set(n, kv[i], scalar(kv[i+1]))
	}
	return n
}

// Saving an edit keeps every comment of the file, the saved file loads,
// the previous version is FILE~, and diff reports exactly the edits.
func TestSaveKeepsCommentsAndReportsTheEdits(t *testing.T) {
	for _, sample := range samples(t) {
		t.Run(filepath.Base(sample), func(t *testing.T) {
			s := open(t, sample)
			original, _ := os.ReadFile(s.file)
			doc, version := s.state()
			set(doc, "municipality", scalar("Nyby kommune"))
			unit := field(field(doc, "units").Content[0], "id").Value
			meetings := field(doc, "meetings")
			m := mapping("id", "nytt-samarbeidsmote", "name", "Nytt samarbeidsmøte", "level", "leder", "frequency", "kvartalsvis", "convener", unit)
			set(m, "participants", &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{scalar(unit)}})
			meetings.Content = append(meetings.Content, m)
			duties := field(doc, "duties")
			if duties == nil || len(duties.Content) == 0 {
				t.Skip("the sample has no duties")
			}
			items := field(duties.Content[0], "items")
			items.Content = append(items.Content, mapping("text", "Sender månedlig oversikt over deltakerne."))
			if code, body := s.save(doc, version); code != 200 {
				t.Fatalf("save: %d %s", code, body)
			}
			saved, _ := os.ReadFile(s.file)
			if prev, _ := os.ReadFile(s.file + "~"); !bytes.Equal(prev, original) {
				t.Error("FILE~ is not the previous version")
			}
			newA, diags := model.Load(s.file, saved)
			if errs := diags.Errors(); len(errs) > 0 {
				t.Fatalf("the saved file does not load: %v", errs)
			}
			oldA, _ := model.Load(sample, original)
			got := diff.Compare(oldA, newA).Text()
			for _, want := range []string{"Nyby kommune", "Nytt samarbeidsmøte", "Sender månedlig oversikt over deltakerne."} {
				if !strings.Contains(got, want) {
					t.Errorf("diff does not report %q:\n%s", want, got)
				}
			}
			if n := strings.Count("\n"+got, "\n- "); n != 3 {
				t.Errorf("diff reports %d changes, want the three edits:\n%s", n, got)
			}
			before, after := Comments(original), Comments(saved)
			for c, n := range before {
				if after[c] < n {
					t.Errorf("comment lost: %q", c)
				}
			}
			// untouched lines stay as they were
			lines := map[string]bool{}
			for _, l := range strings.Split(string(saved), "\n") {
				lines[l] = true
			}
			lost := 0
			for _, l := range strings.Split(string(original), "\n") {
				if !lines[l] && !strings.HasPrefix(l, "municipality:") {
					lost++
				}
			}
			if lost > 0 {
				t.Errorf("%d lines of the original are gone or rewritten", lost)
			}
			t.Logf("diff:\n%s", got)
		})
	}
}

// When the file changed on disk since it was loaded, saving refuses and
// leaves the other change in place.
func TestSaveRefusesWhenChangedOnDisk(t *testing.T) {
	s := open(t, "../../../../samples/kristiansand.yaml")
	doc, version := s.state()
	data, _ := os.ReadFile(s.file)
	other := append(data, []byte("# endret i et annet program\n")...)
	os.WriteFile(s.file, other, 0o644)
	set(doc, "municipality", scalar("Nyby kommune"))
	code, body := s.save(doc, version)
	if code != http.StatusConflict || !strings.Contains(body, "Last filen inn på nytt") {
		t.Errorf("save over a changed file: %d %q", code, body)
	}
	if now, _ := os.ReadFile(s.file); !bytes.Equal(now, other) {
		t.Error("the file was overwritten")
	}
}

// A blank required field gets the loader's message, at that field.
func TestMessageAtTheField(t *testing.T) {
	s := open(t, "../../../../samples/kristiansand.yaml")
	doc, _ := s.state()
	name := field(field(doc, "meetings").Content[1], "name")
	name.Value = ""
	var b bytes.Buffer
	toJSON(&b, doc)
	code, body := s.post("api/check", []byte(`{"doc":`+b.String()+`}`))
	var r checkReply
	if code != 200 || json.Unmarshal([]byte(body), &r) != nil {
		t.Fatalf("check: %d %q", code, body)
	}
	found := false
	for _, m := range r.Messages {
		if m.Path == "meetings.1.name" && m.Severity == "feil" && strings.Contains(m.Text, "kristiansand.yaml:") {
			found = true
		}
	}
	if !found || r.OK {
		t.Errorf("no error at meetings.1.name: %+v", r.Messages)
	}
}

// A file that does not exist starts from the starter and is created on
// the first save.
func TestNewFileFromStarter(t *testing.T) {
	dir := t.TempDir()
	starter, err := os.ReadFile("../../../../templates/init-avtale.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sch, _ := schema.Generate()
	srv, _ := New(Config{File: filepath.Join(dir, "ny.yaml"), Starter: starter, Schema: sch})
	ts := httptest.NewUnstartedServer(nil)
	ts.Config.Handler = srv.Handler(ts.Listener.Addr().String())
	ts.Start()
	defer ts.Close()
	s := &session{t: t, srv: srv, ts: ts, base: ts.URL + srv.Path(), file: filepath.Join(dir, "ny.yaml")}
	_, page := s.get("")
	s.csrf = regexp.MustCompile(`name="csrf" content="([0-9a-f]+)"`).FindStringSubmatch(page)[1]
	doc, version := s.state()
	if version != "" {
		t.Fatalf("version %q for a new file", version)
	}
	if code, body := s.save(doc, version); code != 200 {
		t.Fatalf("save: %d %s", code, body)
	}
	saved, _ := os.ReadFile(s.file)
	if !bytes.Equal(saved, starter) {
		t.Error("the new file is not the starter")
	}
	if _, err := os.Stat(s.file + "~"); err == nil {
		t.Error("a new file got a FILE~")
	}
}
