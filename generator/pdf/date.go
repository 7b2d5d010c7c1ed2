package pdf

import (
	"fmt"
	"time"
)

var monthNames = [12]string{
	"januar", "februar", "mars", "april", "mai", "juni",
	"juli", "august", "september", "oktober", "november", "desember",
}

// norwegianDate writes a date the Norwegian way: "18. september 2020".
func norwegianDate(t time.Time) string {
	return fmt.Sprintf("%d. %s %d", t.Day(), monthNames[t.Month()-1], t.Year())
}
