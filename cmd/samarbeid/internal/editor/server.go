// Package editor is the local web editor of «samarbeid edit»: a form made
// from the agreement file's JSON Schema, a live preview of the documents,
// the loader's messages at the fields, saving that keeps the file's
// comments, and generating the bundle.
//
// It is safe by default: the handler answers only requests that carry the
// random token of the address it printed, only for the Host it listens
// on, refuses requests from other origins, wants a CSRF token for every
// change, and reads and writes only the agreement file (and FILE~) and the
// output folder.
package editor

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"samarbeid/cmd/samarbeid/internal/outdir"
	"samarbeid/generator"
	"samarbeid/generator/model"
)

//go:embed assets
var assets embed.FS

// Config is what the editor edits and where it writes.
type Config struct {
	File      string // the agreement file; it need not exist yet
	Starter   []byte // the text a new file starts from
	Schema    []byte // the JSON Schema of the file
	OutDir    string // the default output folder, relative to the file's folder
	Templates string // --templates, or ""
	Now       func() time.Time
}

// Server is one editing session of one file.
type Server struct {
	cfg   Config
	token string // in every path
	csrf  string // in every change
	dir   string // the file's folder

	mu       sync.Mutex
	lastSeen time.Time
	outDir   string            // the folder the bundle was last written to
	pages    map[string][]byte // the preview's pages, by path
}

// New is a session with fresh random tokens.
func New(cfg Config) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.OutDir == "" {
		cfg.OutDir = "ut"
	}
	s := &Server{cfg: cfg, token: randomToken(), csrf: randomToken(), dir: filepath.Dir(cfg.File), outDir: cfg.OutDir}
	s.lastSeen = cfg.Now()
	return s, nil
}

func randomToken() string {
	var b [24]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Path is the address path of the editor, with the token.
func (s *Server) Path() string { return "/" + s.token + "/" }

// LastSeen is when a browser last asked the editor something.
func (s *Server) LastSeen() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastSeen
}

// Handler answers requests to addr («127.0.0.1:PORT»), the address the
// editor listens on.
func (s *Server) Handler(addr string) http.Handler {
	_, port, _ := strings.Cut(addr, ":")
	hosts := map[string]bool{"127.0.0.1:" + port: true, "localhost:" + port: true, "[::1]:" + port: true}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page)
	mux.HandleFunc("GET /app.js", s.asset("app.js", "text/javascript; charset=utf-8"))
	mux.HandleFunc("GET /app.css", s.asset("app.css", "text/css; charset=utf-8"))
	mux.HandleFunc("GET /api/state", s.state)
	mux.HandleFunc("POST /api/check", s.check)
	mux.HandleFunc("POST /api/save", s.save)
	mux.HandleFunc("POST /api/generate", s.generate)
	mux.HandleFunc("POST /api/ping", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("GET /ut/{file...}", s.output)
	mux.HandleFunc("GET /preview/{page...}", s.preview)
	prefix := "/" + s.token
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; child-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		if !hosts[r.Host] {
			http.Error(w, "ukjent vertsnavn", http.StatusForbidden)
			return
		}
		if o := r.Header.Get("Origin"); o != "" && !hosts[strings.TrimPrefix(o, "http://")] {
			http.Error(w, "forespørsel fra et annet nettsted", http.StatusForbidden)
			return
		}
		if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
			http.Error(w, "forespørsel fra et annet nettsted", http.StatusForbidden)
			return
		}
		rest, ok := strings.CutPrefix(r.URL.Path, prefix)
		if !ok || subtle.ConstantTimeCompare([]byte(r.URL.Path[:len(prefix)]), []byte(prefix)) != 1 || !strings.HasPrefix(rest, "/") {
			http.Error(w, "mangler tilgangsnøkkelen; åpne adressen samarbeid edit skrev", http.StatusForbidden)
			return
		}
		if r.Method == http.MethodPost {
			if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-Samarbeid-CSRF")), []byte(s.csrf)) != 1 {
				http.Error(w, "mangler skjemanøkkelen; last siden på nytt", http.StatusForbidden)
				return
			}
			if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				http.Error(w, "forventer JSON", http.StatusUnsupportedMediaType)
				return
			}
		}
		s.mu.Lock()
		s.lastSeen = s.cfg.Now()
		s.mu.Unlock()
		r2 := r.Clone(r.Context())
		r2.URL.Path = rest
		r2.URL.RawPath = ""
		mux.ServeHTTP(w, r2)
	})
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	tmpl, err := template.ParseFS(assets, "assets/index.html")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	tmpl.Execute(w, map[string]string{"CSRF": s.csrf, "File": filepath.Base(s.cfg.File)})
}

func (s *Server) asset(name, ctype string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		data, err := assets.ReadFile("assets/" + name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", ctype)
		w.Write(data)
	}
}

// onDisk is the file as it is now, and its version: "" when it does not
// exist.
func (s *Server) onDisk() (data []byte, version string, err error) {
	data, err = os.ReadFile(s.cfg.File)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", err
	}
	if len(data) > model.MaxFileBytes {
		return nil, "", fmt.Errorf("filen er større enn %d kB", model.MaxFileBytes/1024)
	}
	sum := sha256.Sum256(data)
	return data, hex.EncodeToString(sum[:]), nil
}

// base is the text the form's value is merged into: the file on disk, or
// the starter for a new file.
func (s *Server) base() (data []byte, version string, err error) {
	data, version, err = s.onDisk()
	if err == nil && version == "" {
		data = s.cfg.Starter
	}
	return model.Normalize(data), version, err
}

type stateReply struct {
	File    string          `json:"file"`
	Exists  bool            `json:"exists"`
	Version string          `json:"version"`
	Doc     json.RawMessage `json:"doc"`
	Schema  json.RawMessage `json:"schema"`
	OutDir  string          `json:"outDir"`
	Error   string          `json:"error,omitempty"`
}

func (s *Server) state(w http.ResponseWriter, r *http.Request) {
	data, version, err := s.base()
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		return
	}
	reply := stateReply{File: s.cfg.File, Exists: version != "", Version: version, Schema: s.cfg.Schema, OutDir: s.currentOut()}
	tree, err := parseTree(data)
	if err != nil {
		reply.Error = fmt.Sprintf("%s: %v – rett filen i et redigeringsprogram først", s.cfg.File, err)
		reply.Doc = json.RawMessage("{}")
	} else {
		var b bytes.Buffer
		toJSON(&b, tree)
		reply.Doc = b.Bytes()
	}
	writeJSON(w, http.StatusOK, reply)
}

func (s *Server) currentOut() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.outDir
}

// edited is the file's new text: the form's value merged into base.
func (s *Server) edited(r *http.Request) (text []byte, version string, err error) {
	var req struct {
		Doc json.RawMessage `json:"doc"`
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 4*model.MaxFileBytes))
	if err != nil {
		return nil, "", err
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return nil, "", err
	}
	base, version, err := s.base()
	if err != nil {
		return nil, "", err
	}
	tree, err := parseTree(base)
	if err != nil {
		return nil, "", err
	}
	doc, err := fromJSON(req.Doc)
	if err != nil {
		return nil, "", err
	}
	tree.Content[0] = merge(tree.Content[0], doc)
	text, err = Render(base, tree)
	return text, version, err
}

// Message is one diagnostic, at its form field.
type Message struct {
	Path     string `json:"path"` // e.g. "meetings.2.frequency"; "" for the file
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"` // feil, advarsel, utkast
	Message  string `json:"message"`
	Text     string `json:"text"` // as the CLI prints it
}

type checkReply struct {
	OK       bool      `json:"ok"`
	Messages []Message `json:"messages"`
	Draft    []Message `json:"draft"`
	Summary  string    `json:"summary"`
	Pages    []pageRef `json:"pages"`
}

type pageRef struct {
	Path  string `json:"path"`
	Title string `json:"title"`
}

func (s *Server) input(text []byte) generator.Input {
	return generator.Input{File: s.cfg.File, Data: text, Dir: outdir.Folder(s.dir)}
}

func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	text, _, err := s.edited(r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, s.diagnose(text))
}

func (s *Server) diagnose(text []byte) checkReply {
	tree, _ := parseTree(text)
	messages := func(ds model.Diagnostics, severity string) []Message {
		out := []Message{}
		for _, d := range ds {
			m := Message{Line: d.Pos.Line, Col: d.Pos.Col, Severity: severity, Message: d.Message, Text: d.String()}
			if severity == "" {
				m.Severity = "feil"
				if d.Warning {
					m.Severity = "advarsel"
				}
			}
			if tree != nil && d.File == s.cfg.File {
				m.Path = pathAt(tree, d.Pos.Line, d.Pos.Col)
			}
			out = append(out, m)
		}
		return out
	}
	opt := generator.Options{Templates: s.cfg.Templates}
	res, err := generator.Preview(s.input(text), opt)
	reply := checkReply{Messages: []Message{}, Draft: []Message{}, Pages: []pageRef{}}
	if err != nil {
		var ds model.Diagnostics
		if errors.As(err, &ds) {
			reply.Messages = messages(ds, "")
		} else {
			reply.Messages = []Message{{Severity: "feil", Message: err.Error(), Text: err.Error()}}
		}
		return reply
	}
	reply.OK = true
	warnings := res.Warnings
	if a, _, err := generator.LoadWith(s.input(text), generator.Options{Templates: s.cfg.Templates}); err == nil {
		warnings = append(warnings, generator.EvaluationDue(s.cfg.File, a, s.cfg.Now())...)
		warnings = append(warnings, generator.PlanClashes(s.cfg.File, a, 0)...)
	}
	reply.Messages = messages(warnings.Sort(), "")
	reply.Draft = messages(res.Draft, "utkast")
	reply.Summary = res.Summary
	pages := map[string][]byte{}
	for _, p := range res.Pages {
		reply.Pages = append(reply.Pages, pageRef{p.Path, p.Title})
		pages[p.Path] = p.HTML
	}
	s.mu.Lock()
	s.pages = pages
	s.mu.Unlock()
	return reply
}

func (s *Server) save(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Version string `json:"version"`
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 4*model.MaxFileBytes))
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	s.mu.Lock() // one save at a time
	defer s.mu.Unlock()
	text, version, err := s.edited(r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	if version != req.Version {
		writeJSON(w, http.StatusConflict, map[string]string{"error": fmt.Sprintf("%s er endret på disken etter at du åpnet den. Last filen inn på nytt for å se endringene; dine endringer i skjemaet blir ikke lagret.", filepath.Base(s.cfg.File))})
		return
	}
	old, _, _ := s.onDisk()
	if old != nil && bytes.Equal(old, text) {
		writeJSON(w, http.StatusOK, map[string]any{"version": version, "saved": false})
		return
	}
	if old != nil {
		if err := outdir.WriteFile(s.cfg.File+"~", old); err != nil {
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
			return
		}
	}
	if err := outdir.WriteFile(s.cfg.File, text); err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		return
	}
	sum := sha256.Sum256(text)
	writeJSON(w, http.StatusOK, map[string]any{"version": hex.EncodeToString(sum[:]), "saved": true})
}

// outFolder checks a folder name the user gave: a folder inside the
// agreement's folder, named relative to it.
func outFolder(name string) (string, error) {
	name = strings.TrimSpace(filepath.ToSlash(name))
	clean := path.Clean(name)
	if name == "" || strings.ContainsAny(name, `\:`) || path.IsAbs(name) || filepath.IsAbs(name) || filepath.VolumeName(name) != "" || clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
		return "", fmt.Errorf("«%s» går ikke; skriv navnet på en mappe ved siden av avtalefilen, for eksempel «ut»", name)
	}
	return clean, nil
}

func (s *Server) generate(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Dir string `json:"dir"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&req); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	rel, err := outFolder(req.Dir)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	data, version, err := s.onDisk()
	if err != nil || version == "" {
		writeJSON(w, http.StatusConflict, map[string]string{"error": "lagre filen før du lager dokumentene"})
		return
	}
	bundle, err := generator.Generate(s.input(model.Normalize(data)), generator.Options{Templates: s.cfg.Templates})
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"error": "filen har feil; rett dem først", "check": s.diagnose(data)})
		return
	}
	files := make([]outdir.File, len(bundle.Files))
	paths := make([]string, len(bundle.Files))
	for i, f := range bundle.Files {
		files[i] = outdir.File{Path: f.Path, Data: f.Data}
		paths[i] = f.Path
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	res, err := outdir.Write(filepath.Join(s.dir, filepath.FromSlash(rel)), files, outdir.Options{Wait: 30 * time.Second})
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		return
	}
	s.outDir = rel
	writeJSON(w, http.StatusOK, map[string]any{"dir": filepath.Join(s.dir, filepath.FromSlash(rel)), "files": paths, "removed": res.Removed, "kept": res.Kept, "summary": bundle.Summary, "warnings": len(bundle.Warnings)})
}

// preview serves a page of the last preview, as a page that runs nothing.
func (s *Server) preview(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	page, ok := s.pages[r.PathValue("page")]
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("X-Frame-Options", "SAMEORIGIN")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox")
	w.Write(page)
}

// output serves a file of the output folder, and nothing outside it.
func (s *Server) output(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if !fs.ValidPath(name) || strings.HasPrefix(path.Base(name), ".") {
		http.Error(w, "ikke en fil i pakken", http.StatusForbidden)
		return
	}
	rel := s.currentOut()
	root, err := os.OpenRoot(filepath.Join(s.dir, filepath.FromSlash(rel)))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		http.Error(w, "ikke en fil i pakken", http.StatusNotFound)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	switch path.Ext(name) {
	case ".md", ".ics", ".sha256":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	}
	if path.Ext(name) == ".html" {
		// a bundle page is shown as it is, but may not run anything
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
	}
	http.ServeContent(w, r, path.Base(name), info.ModTime(), f)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
