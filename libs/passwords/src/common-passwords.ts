/**
 * Passwords (and password stems) that top every published breach corpus: the SecLists
 * "10k most common" head, the NCSC "100k-most-used" head, and the usual keyboard walks. A password
 * is refused when it, or what is left after stripping trailing digits and symbols, is on this list.
 * Kept as code (not fetched) so the check works offline and is the same everywhere.
 */
export const COMMON_PASSWORDS: readonly string[] = `
123456 123456789 12345678 1234567890 12345 1234567 password password1 qwerty qwertyuiop qwerty123 qwerty1
abc123 111111 1q2w3e4r 1q2w3e4r5t 1q2w3e 123123 000000 iloveyou 1234 dragon monkey letmein
football baseball welcome welcome1 admin administrator login master hello freedom whatever qazwsx
trustno1 654321 jordan23 harley password123 passw0rd p@ssw0rd p@ssword pa$$word sunshine princess
shadow superman michael batman ashley bailey charlie donald mustang access flower hottie loveme
zaq1zaq1 zaq12wsx 1qaz2wsx 1qazxsw2 starwars solo secret summer winter spring autumn
computer internet samsung google apple microsoft linux ubuntu windows changeme default guest
test tester testing test123 temp temp123 qwe123 asdf asdfgh asdfghjkl zxcvbn zxcvbnm
987654321 9876543210 121212 112233 123321 123654 666666 777777 888888 999999 159753 147258369
lovely cookie pokemon naruto killer soccer hockey golf tennis ranger buster thomas tigger
jennifer hunter jessica pepper daniel andrew joshua matthew anthony robert william maggie ginger
chocolate cheese pizza banana orange purple yellow silver golden diamond butterfly angel angels
blink182 liverpool chelsea arsenal barcelona manchester yankees cowboys lakers eagles
matrix phoenix mercedes ferrari porsche corvette nintendo playstation xbox minecraft fortnite
letmein1 welcome123 admin123 admin1234 root toor support helpdesk service password12
password1234 passwordpassword iloveyou1 princess1 sunshine1 monkey1 dragon1 football1 baseball1
trustme hellohello helloworld hello123 abcd1234 abcdef abcdefg abcdefgh abcdefghij aaaaaa aaaaaaaa
qwertyui qwertyu 1qaz 2wsx 3edc qweasd qweasdzxc asdasd asd123 zxc123 qazwsxedc 1q2w3e4r5t6y
michelle nicole daniel1 jordan hannah family friends forever together lovers mylove
secret1 secret123 mypassword mypass pass pass123 pass1234 passpass letmeinnow opensesame
switchboard zendesk freshdesk customer company business office work workplace
`
  .split(/\s+/)
  .filter(Boolean);
