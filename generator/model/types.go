package model

// Agreement is one cooperation agreement (samarbeidsavtale) or cooperation
// routine (samarbeidsrutine), as written in the input file.
type Agreement struct {
	Loc `yaml:"-"`

	Type Kind `yaml:"type"`
	// Language is the målform of every generated document: «nb» (bokmål,
	// the default) or «nn» (nynorsk).
	Language     Language `yaml:"language"`
	Title        string   `yaml:"title" required:"true"`
	Subtitle     string   `yaml:"subtitle"`
	Municipality string   `yaml:"municipality" required:"true"`
	Version      string   `yaml:"version" required:"true"`
	Place        string   `yaml:"place"`
	// Status «utkast» marks the documents as a draft.
	Status     Status       `yaml:"status"`
	LegalBasis []LegalBasis `yaml:"legal_basis"`
	Dates      Dates        `yaml:"dates"`

	// Introduction is the opening text before the numbered sections.
	Introduction []string `yaml:"introduction"`
	// Background explains why the agreement exists.
	Background []string `yaml:"background"`
	Goals      Goals    `yaml:"goals"`
	Purpose    []string `yaml:"purpose"`

	Parties     []Party     `yaml:"parties" required:"true"`
	Units       []Unit      `yaml:"units"`
	Roles       []Role      `yaml:"roles"`
	Contacts    []Contact   `yaml:"contacts"`
	Signatories []Signatory `yaml:"signatories"`

	Authority  *Authority    `yaml:"authority"`
	Standard   Standard      `yaml:"standard_texts"`
	Duties     []DutyGroup   `yaml:"duties"`
	Levels     []LevelDuties `yaml:"levels"`
	Meetings   []Meeting     `yaml:"meetings"`
	Sharing    *Sharing      `yaml:"information_sharing"`
	Transition *Section      `yaml:"transition"`
	Evaluation *Evaluation   `yaml:"evaluation"`
	Clauses    []Clause      `yaml:"clauses"`
	Validity   *Validity     `yaml:"validity"`
	// Purchase is the terms of an inter-municipal purchase of services.
	Purchase   *Purchase   `yaml:"purchase"`
	References []Reference `yaml:"references"`

	Routines   []Routine        `yaml:"routines"`
	Checklists ChecklistChanges `yaml:"checklists"`
	Revisions  []Revision       `yaml:"revisions"`
	Calendar   *CalendarPlan    `yaml:"calendar"`
}

// Dates are the agreement's key dates.
type Dates struct {
	Loc `yaml:"-"`

	ValidFrom      Date `yaml:"valid_from"`
	Signed         Date `yaml:"signed"`
	Revised        Date `yaml:"revised"`
	NextEvaluation Date `yaml:"next_evaluation"`
}

// Goals are the shared goals, result requirements and reporting routines.
type Goals struct {
	Loc `yaml:"-"`

	Goals        []string `yaml:"goals"`
	Requirements []string `yaml:"result_requirements"`
	Reporting    []string `yaml:"reporting"`
}

// Party is an organisation that is party to the agreement.
type Party struct {
	Loc `yaml:"-"`

	ID   ID        `yaml:"id" required:"true"`
	Name string    `yaml:"name" required:"true"`
	Kind PartyKind `yaml:"kind" required:"true"`
	// Signs is false for a party that is covered by the agreement but does
	// not sign it, as NAV Kristiansand; unset means it signs.
	Signs *bool `yaml:"signs"`
}

// Signing reports whether the party signs the agreement.
func (p Party) Signing() bool { return p.Signs == nil || *p.Signs }

// Unit is a service unit covered by the agreement, belonging to a party or
// to another unit, to any depth.
type Unit struct {
	Loc `yaml:"-"`

	ID          ID     `yaml:"id" required:"true"`
	Name        string `yaml:"name" required:"true"`
	Short       string `yaml:"short"`
	Party       ID     `yaml:"party" required:"true"`
	Description string `yaml:"description"`
}

// Role is a position in a unit, e.g. programrådgiver or NAV-veileder.
type Role struct {
	Loc `yaml:"-"`

	ID          ID       `yaml:"id" required:"true"`
	Name        string   `yaml:"name" required:"true"`
	Unit        ID       `yaml:"unit" required:"true"`
	Kind        RoleKind `yaml:"kind"`
	Description string   `yaml:"description"`
}

// Contact is a contact person, known by name, by function («Flyktningkonsulenten»)
// or both. Personal data: shown only where a document needs it (the routine
// sheets and the agreement's contact list).
type Contact struct {
	Loc `yaml:"-"`

	Name     string `yaml:"name"`
	Function string `yaml:"function"`
	Title    string `yaml:"title"`
	Role     ID     `yaml:"role"`
	Unit     ID     `yaml:"unit"`
	Phone    string `yaml:"phone"`
	Email    string `yaml:"email"`
	// FollowsUpSharing marks the person responsible for following up the
	// exchange of information.
	FollowsUpSharing bool `yaml:"follows_up_sharing"`
}

// Label is what the contact is known by: the name, or else the function.
func (c Contact) Label() string {
	if c.Name != "" {
		return c.Name
	}
	return c.Function
}

// Signatory signs the agreement on behalf of a party or unit. In Kristiansand
// the signatories are two directors, not the units the agreement covers.
//
// Name may be left out where the agreement is signed by whoever holds the
// position: the signature block then shows the title alone.
type Signatory struct {
	Loc `yaml:"-"`

	Name   string `yaml:"name"`
	Title  string `yaml:"title" required:"true"`
	For    ID     `yaml:"for"`
	Leader *bool  `yaml:"leader_level"`
}

// Authority describes delegated authority under the Act.
type Authority struct {
	Loc `yaml:"-"`

	Intro       string       `yaml:"intro"`
	Delegations []Delegation `yaml:"delegations"`
	Closing     []string     `yaml:"closing"`
}

// Delegation is one holder's share of the authority.
type Delegation struct {
	Loc `yaml:"-"`

	Holder string `yaml:"holder" required:"true"`
	Scope  string `yaml:"scope" required:"true"`
}

// Standard is the set of standard texts: in a file, what it does with each
// built-in text; in the built-in file, the texts themselves.
//
// Standard says, for each built-in standard text, whether the file keeps it,
// extends it, replaces it or leaves it out.
type Standard struct {
	Loc `yaml:"-"`

	Municipality *StandardText `yaml:"municipality"`
	NAV          *StandardText `yaml:"nav"`
	County       *StandardText `yaml:"county"`
	Sharing      *StandardText `yaml:"information_sharing"`
}

// StandardText overrides one built-in standard text.
type StandardText struct {
	Loc `yaml:"-"`

	Mode  TextMode `yaml:"mode"`
	Title string   `yaml:"title"`
	Intro string   `yaml:"intro"`
	Items []Duty   `yaml:"items"`
	// After holds paragraphs that follow the list.
	After []string `yaml:"after"`
}

// DutyGroup is the list of duties of one party or unit, or the same duties
// of several (Owners), printed once.
type DutyGroup struct {
	Loc `yaml:"-"`

	Owner  ID     `yaml:"owner"`
	Owners []ID   `yaml:"owners"`
	Title  string `yaml:"title"`
	Intro  string `yaml:"intro"`
	Items  []Duty `yaml:"items" required:"true"`
}

// OwnerIDs are the group's owners: Owners, or else Owner.
func (g DutyGroup) OwnerIDs() []ID {
	if len(g.Owners) > 0 {
		return g.Owners
	}
	if g.Owner == "" {
		return nil
	}
	return []ID{g.Owner}
}

// Lead is the group's first owner, or "".
func (g DutyGroup) Lead() ID {
	if ids := g.OwnerIDs(); len(ids) > 0 {
		return ids[0]
	}
	return ""
}

// Duty is one responsibility.
type Duty struct {
	Loc `yaml:"-"`

	Text   string   `yaml:"text" required:"true"`
	Roles  []ID     `yaml:"roles"`
	Topics []Topic  `yaml:"topics"`
	Refs   []LawRef `yaml:"refs"`
	// Basis limits the duty to participants under these Acts.
	Basis []LegalBasis `yaml:"basis"`
}

// LevelDuties describes what is expected at leader or caseworker level.
type LevelDuties struct {
	Loc `yaml:"-"`

	Level Level  `yaml:"level" required:"true"`
	Items []Duty `yaml:"items" required:"true"`
}

// Meeting is a meeting body (samarbeidsorgan).
type Meeting struct {
	Loc `yaml:"-"`

	ID           ID        `yaml:"id" required:"true"`
	Name         string    `yaml:"name" required:"true"`
	Level        Level     `yaml:"level" required:"true"`
	Frequency    Frequency `yaml:"frequency" required:"true"`
	Convener     ID        `yaml:"convener" required:"true"`
	Participants []ID      `yaml:"participants"`
	// Others are participants that are not roles or units, e.g. «deltaker».
	Others      []string  `yaml:"other_participants"`
	Purpose     []string  `yaml:"purpose"`
	Agenda      ID        `yaml:"agenda"`
	Minutes     ID        `yaml:"minutes"`
	EscalatesTo ID        `yaml:"escalates_to"`
	Topics      []Topic   `yaml:"topics"`
	Schedule    *Schedule `yaml:"schedule"`
}

// Schedule pins a meeting's recurring dates for the year plan.
type Schedule struct {
	Loc `yaml:"-"`

	Weekday Weekday   `yaml:"weekday"`
	Start   Date      `yaml:"start"`
	Months  []Month   `yaml:"months"`
	Day     int       `yaml:"day"`
	Time    ClockTime `yaml:"time"`
	Minutes int       `yaml:"duration_minutes"`
	Place   string    `yaml:"place"`
	// OnHoliday overrides calendar.on_holiday for this meeting.
	OnHoliday HolidayRule `yaml:"on_holiday"`
}

// Sharing is the information-sharing section.
type Sharing struct {
	Loc `yaml:"-"`

	Intro     []string   `yaml:"intro"`
	Consent   string     `yaml:"consent"`
	Channels  []string   `yaml:"channels"`
	Exchanges []Exchange `yaml:"exchanges"`
}

// Exchange is one kind of information exchanged between the parties.
type Exchange struct {
	Loc `yaml:"-"`

	Topic       Topic  `yaml:"topic" required:"true"`
	What        string `yaml:"what" required:"true"`
	When        string `yaml:"when"`
	Responsible ID     `yaml:"responsible"`
}

// Section is a titled free text with an optional list.
type Section struct {
	Loc `yaml:"-"`

	Title string   `yaml:"title"`
	Text  []string `yaml:"text"`
	Items []Duty   `yaml:"items"`
}

// Evaluation says how the cooperation and the agreement are evaluated.
type Evaluation struct {
	Loc `yaml:"-"`

	Title       string    `yaml:"title"`
	Text        []string  `yaml:"text"`
	Frequency   Frequency `yaml:"frequency"`
	Responsible ID        `yaml:"responsible"`
}

// Clause is a free extra clause.
type Clause struct {
	Loc `yaml:"-"`

	Title string   `yaml:"title" required:"true"`
	Text  []string `yaml:"text" required:"true"`
}

// Validity is the agreement period and the terms of renegotiation.
type Validity struct {
	Loc `yaml:"-"`

	Title         string   `yaml:"title"`
	Text          []string `yaml:"text"`
	Renegotiation []string `yaml:"renegotiation"`
}

// Purchase is the terms when one municipality (the host, vertskommunen)
// sells the programme or Norwegian teaching to others.
type Purchase struct {
	Loc `yaml:"-"`

	Title  string `yaml:"title"`
	Seller ID     `yaml:"seller" required:"true"`
	Buyers []ID   `yaml:"buyers" required:"true"`
	// Services are what is bought, one per item.
	Services   []string `yaml:"services" required:"true"`
	PriceBasis []string `yaml:"price_basis"`
	Notice     string   `yaml:"notice_period"`
	Text       []string `yaml:"text"`
}

// Reference is a document the agreement builds on (a reference) or
// attaches (an annex): an intention agreement, a purchase agreement, an
// audit report. Prose refers to it as {ref:ID}.
type Reference struct {
	Loc `yaml:"-"`

	ID         ID      `yaml:"id" required:"true"`
	Title      string  `yaml:"title" required:"true"`
	Kind       DocKind `yaml:"kind"`
	Date       Date    `yaml:"date"`
	CaseNumber string  `yaml:"case_number"`
	Link       string  `yaml:"link"`
	// File is an attached file, relative to the agreement file's folder,
	// embedded in the agreement's PDF.
	File string `yaml:"file"`
}

// Routine is a role's own routine description, like Andøy's 14 points.
type Routine struct {
	Loc `yaml:"-"`

	Role     ID               `yaml:"role" required:"true"`
	Title    string           `yaml:"title"`
	Intro    []string         `yaml:"intro"`
	Sections []RoutineSection `yaml:"sections" required:"true"`
	Closing  []string         `yaml:"closing"`
}

// RoutineSection is one numbered point of a routine description.
type RoutineSection struct {
	Loc `yaml:"-"`

	Title   string   `yaml:"title" required:"true"`
	Intro   []string `yaml:"intro"`
	Items   []string `yaml:"items"`
	Closing []string `yaml:"closing"`
}

// ChecklistChanges switch built-in checklist items off, reword them, and add
// the file's own items and checklists.
type ChecklistChanges struct {
	Loc `yaml:"-"`

	Changes []ItemChange    `yaml:"changes"`
	Items   []ChecklistItem `yaml:"items"`
	Lists   []Checklist     `yaml:"lists"`
}

// ItemChange changes one built-in checklist item, named by its id.
type ItemChange struct {
	Loc `yaml:"-"`

	Item     ID       `yaml:"item" required:"true"`
	Off      bool     `yaml:"off"`
	Text     string   `yaml:"text"`
	Role     ID       `yaml:"role"`
	Deadline Deadline `yaml:"deadline"`
}

// ChecklistItem is the file's own item added to a checklist.
type ChecklistItem struct {
	Loc `yaml:"-"`

	List     ID       `yaml:"list" required:"true"`
	Phase    Phase    `yaml:"phase"`
	Text     string   `yaml:"text" required:"true"`
	Role     ID       `yaml:"role" required:"true"`
	Deadline Deadline `yaml:"deadline"`
	Refs     []LawRef `yaml:"refs"`
}

// Checklist is a checklist the file defines itself.
type Checklist struct {
	Loc `yaml:"-"`

	ID    ID     `yaml:"id" required:"true"`
	Title string `yaml:"title" required:"true"`
	Intro string `yaml:"intro"`
}

// Revision is one entry of the agreement's revision history.
type Revision struct {
	Loc `yaml:"-"`

	Version    string   `yaml:"version" required:"true"`
	Date       Date     `yaml:"date" required:"true"`
	Changes    []string `yaml:"changes" required:"true"`
	ApprovedBy string   `yaml:"approved_by"`
	// Signed is the date this version was signed, when it was.
	Signed Date `yaml:"signed"`
}

// CalendarPlan holds what the year plan needs beyond the meetings.
type CalendarPlan struct {
	Loc `yaml:"-"`

	// Year is the year the bundle's year plan covers.
	Year   int     `yaml:"year"`
	Breaks []Break `yaml:"breaks"`
	// OnHoliday says what happens to a meeting whose day is a holiday or
	// lies in a break: it is moved (the default) or dropped.
	OnHoliday HolidayRule `yaml:"on_holiday"`
	// Attendees puts the contacts of each meeting's roles and units, with
	// their e-mail, into the calendar file. Off by default: a calendar
	// file is passed around, and names and addresses are personal data.
	Attendees bool `yaml:"attendees"`
}

// Break is a period without meetings, e.g. the summer holidays: either
// recurring every year (When) or between two dates (From and To).
type Break struct {
	Loc `yaml:"-"`

	Name string `yaml:"name" required:"true"`
	When Period `yaml:"when"`
	From Date   `yaml:"from"`
	To   Date   `yaml:"to"`
}

// HolidayRule is what happens to a meeting that falls on a day off.
type HolidayRule string

// The holiday rules; the empty rule means HolidayMove.
const (
	HolidayMove HolidayRule = "flyttes"
	HolidayDrop HolidayRule = "utgår"
)

func (h *HolidayRule) parse(s string) error {
	return parseEnum((*string)(h), s, string(HolidayMove), string(HolidayDrop))
}

// Rule is the meeting's holiday rule: its own, else the plan's, else
// HolidayMove.
func (c *CalendarPlan) Rule(m *Meeting) HolidayRule {
	if m.Schedule != nil && m.Schedule.OnHoliday != "" {
		return m.Schedule.OnHoliday
	}
	if c != nil && c.OnHoliday != "" {
		return c.OnHoliday
	}
	return HolidayMove
}
