package outdir

import (
	"io/fs"
	"os"
)

// Folder is a folder as an fs.FS that cannot be left, not through «..»
// nor through a symbolic link, so a file named in the agreement (an
// attachment) stays inside the agreement's folder.
type Folder string

// Open opens name inside the folder.
func (f Folder) Open(name string) (fs.File, error) {
	root, err := os.OpenRoot(string(f))
	if err != nil {
		return nil, err
	}
	defer root.Close() // files opened from it stay open
	return root.FS().Open(name)
}
