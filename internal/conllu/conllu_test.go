package conllu

import (
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	in := "# sent_id = s1\n# text = Don't go.\n1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tDo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
	s, err := Read(strings.NewReader(in), "x.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 1 || len(s[0].Words) != 4 || s[0].ID != "s1" || s[0].Text != "Don't go." || s[0].Words[2].Head != 0 || s[0].Words[0].Head != 3 {
		t.Fatalf("got %+v", s)
	}
	_, err = Read(strings.NewReader("1\tx\n"), "bad.conllu")
	if err == nil || !strings.Contains(err.Error(), "bad.conllu:1:") {
		t.Errorf("err = %v", err)
	}
}
