package storetest

// TestStory is a short wire-style story written for wirecoder's tests (not
// third-party text). Dated 2024-07-12, its current events fall in the week
// of Monday 2024-07-08; its mention of the February 2022 invasion is a
// historical event.
const TestStory = `MINSK, July 12 - Belarus accused Ukraine on Friday of massing soldiers near the shared frontier, and said it had moved extra units to the border region as a precaution.
Ukraine's border service rejected the charge and said the claims from Minsk were meant to spread fear. "We see no build-up of any kind on our side," a spokesman for the service told reporters.
Officials in Minsk said talks with Kyiv on border security would continue next week, and that they wanted calm in the area.
Russia used Belarusian territory to launch the February 2022 invasion of Ukraine, and relations between the neighbours have been tense since then.
(Reporting by the wirecoder test desk)`

// TestReprint is TestStory as another outlet ran it: the same text with a
// different credit line.
const TestReprint = `MINSK, July 12 - Belarus accused Ukraine on Friday of massing soldiers near the shared frontier, and said it had moved extra units to the border region as a precaution.
Ukraine's border service rejected the charge and said the claims from Minsk were meant to spread fear. "We see no build-up of any kind on our side," a spokesman for the service told reporters.
Officials in Minsk said talks with Kyiv on border security would continue next week, and that they wanted calm in the area.
Russia used Belarusian territory to launch the February 2022 invasion of Ukraine, and relations between the neighbours have been tense since then.
(With inputs from agencies)`

// OtherStory is an unrelated short story written for the tests.
const OtherStory = `Farmers in the river valley said on Tuesday that the late spring rains had delayed planting by almost three weeks, and that they expected a smaller harvest of wheat and barley this year. Local officials promised to review the support that is paid to growers when the weather is bad.`

// GermanStory is a short text in German, for the language check.
const GermanStory = `Die Regierung hat am Dienstag angekündigt, dass die neuen Regeln für den Handel im kommenden Jahr gelten sollen. Viele Unternehmen sind mit dem Plan nicht zufrieden und wollen dagegen klagen, weil die Kosten für sie steigen würden.`
