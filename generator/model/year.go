package model

import "fmt"

// The years a year plan may cover: the one range every command, the loader
// and the schema read. The Gregorian Easter rule holds for all of them, and
// Norway's public holidays as the plan knows them are those of the
// Helligdagsfredningsloven era.
const (
	MinYear = 1900
	MaxYear = 2200
)

// ValidYear reports whether a plan can be made for year.
func ValidYear(year int) bool { return year >= MinYear && year <= MaxYear }

// YearError is the Norwegian message for a year outside the range.
func YearError(year int) string {
	return fmt.Sprintf("året %d går ikke; skriv et år fra %d til %d, for eksempel 2027", year, MinYear, MaxYear)
}
