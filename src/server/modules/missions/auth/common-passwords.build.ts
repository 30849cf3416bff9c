/**
 * Builds `common-passwords.txt`: the passwords that people choose first and that every guessing
 * tool tries first. Two sources, merged:
 * - the published list of zxcvbn-ts (`@zxcvbn-ts/language-common` 4.1.3, MIT: ~49,000 passwords
 *   ranked from leaked-password frequency lists), when that package can be imported — it is not a
 *   dependency of the app; install it in a scratch folder and run this script with NODE_PATH
 *   pointing there;
 * - patterns of the published top lists: their common words and names (in the app's four
 *   languages too), each with the usual capitals, digits, years and symbols; keyboard walks,
 *   digit runs, repeated characters and doubled words.
 *
 * Run: `NODE_PATH=/tmp/zx/node_modules npx tsx src/server/modules/missions/auth/common-passwords.build.ts`
 * (writes the file beside this one). One password a line, `#` starts a comment.
 */
import { writeFileSync } from 'node:fs';

const WORDS = `password passw0rd passwort parola parolachiave motdepasse contrasena parol parool haslo
qwerty qwertyuiop qwertz azerty asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx qazwsxedc zaq12wsx 1qaz2wsx
1q2w3e4r 1q2w3e4r5t qweasd qweasdzxc letmein welcome admin administrator root toor superuser
guest user login access changeme default secret private master iloveyou loveyou iloveu lovely
love monkey dragon football baseball basketball soccer hockey tennis golf cricket sunshine
princess shadow superman batman spiderman ironman pokemon pikachu starwars startrek matrix
trustno1 michael jennifer jordan hunter ranger buster killer george charlie andrew michelle
jessica ashley amanda daniel robert thomas william joshua matthew anthony nicole elizabeth maria
anna alex alexander alexandra andrea marco giuseppe francesca giulia luca sofia dmitry sergey
natasha olga ivan vladimir ekaterina tatiana aigerim nursultan aruzhan yerlan daniyar summer
winter spring autumn freedom whatever nothing forever friends family happy hello hellokitty
cookie cheese chocolate banana orange purple flower angel blessed jesus christ god lucky money
mustang ferrari porsche harley yamaha samsung apple google microsoft facebook instagram youtube
twitter linkedin yahoo hotmail gmail computer internet server system manager office company
business network security softpower embassy ministry mission consulate diplomat passport visa
tigger pepper ginger snoopy garfield mickey minnie donald scooby maggie bailey bella molly daisy
lucy max rocky coffee whiskey vodka beer pizza london paris rome roma milano napoli italia italy
russia rossiya moskva moscow kazakhstan qazaqstan astana almaty shymkent berlin madrid america
usa canada juventus milan inter chelsea arsenal liverpool barcelona realmadrid spartak zenit
cska dynamo kairat cowboy cowboys eagles lakers yankees dolphins steelers packers raiders
thunder lightning storm rainbow silver golden diamond crystal phoenix falcon tiger lion wolf
bear eagle shark panther jaguar cobra viper monster zombie ninja samurai warrior knight wizard
merlin gandalf legend hero captain pirate rocket galaxy planet cosmos universe destiny heaven
baby babygirl babyboy sweet sweetie honey sugar candy cutie beautiful pretty queen king prince
lady boss sexy hottie player gamer music guitar piano rockstar metallica nirvana beatles eminem
shakira madonna justin bieber taylor swift mercedes bmw audi toyota honda nissan volvo lada
ducati vespa fiat opensesame abracadabra sesame abc abcd abcdef abcdefg abcdefgh test tester
testing demo sample example temp temporary pass passpass mypassword mypass yourpassword
newpassword oldpassword nopassword changeit iamgod blahblah asdf zxcv qwer qwert
ciao amore tesoro cuore bacio sole luna stella mare vita famiglia amico lyubov privet solnce
kotik zaika malysh krasotka medved serdce sakura naruto goku vegeta zelda mario luigi sonic
minecraft fortnite roblox steam xbox playstation nintendo warcraft dota counter strike valorant`
  .split(/\s+/)
  .filter(Boolean);

const SUFFIXES = [
  '',
  '1',
  '12',
  '123',
  '1234',
  '12345',
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '!',
  '1!',
  '12!',
  '123!',
  '1234!',
  '!!',
  '!!!',
  '@',
  '@1',
  '@123',
  '#1',
  '#123',
  '$',
  '*',
  '.',
  '_1',
  '0',
  '00',
  '01',
  '007',
  '11',
  '13',
  '21',
  '22',
  '23',
  '69',
  '77',
  '88',
  '99',
  '000',
  '111',
  '321',
  '666',
  '777',
  '888',
  '999',
  '2000',
  '2001',
  '2010',
  '2015',
  '2018',
  '2019',
  '2020',
  '2021',
  '2022',
  '2023',
  '2024',
  '2025',
  '2026',
  '2027',
  '2024!',
  '2025!',
  '2026!',
  '1990',
  '1995',
  '1999',
];

const LEET: Record<string, string> = { a: '@', e: '3', i: '1', o: '0', s: '$' };
const leet = (word: string) => word.replace(/[aeios]/g, (c) => LEET[c] ?? c);
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const list = new Set<string>();
const add = (candidate: string) => {
  if (candidate.length >= 6 && candidate.length <= 40) list.add(candidate.toLowerCase());
};

for (const word of WORDS) {
  for (const suffix of SUFFIXES) {
    add(word + suffix);
    add(capitalised(word) + suffix);
    add(leet(word) + suffix);
  }
  add(word + word);
  add(`${word}${word}1`);
  add(`my${word}`);
  add(`my${word}123`);
  add(`i love ${word}`);
  add(`ilove${word}`);
  add(`${word} ${word}`);
  add(`the${word}`);
  add(`${word}password`);
  add(`password${word}`);
  add(`${word}123456789`);
  add(`${word}qwerty`);
}

// Digit runs and keyboard walks, at every length from 6 to 20.
const RUNS = [
  '12345678901234567890',
  '09876543210987654321',
  '98765432109876543210',
  '01234567890123456789',
  '12312312312312312312',
  '11223344556677889900',
  '13579135791357913579',
  '24682468246824682468',
  'qwertyuiopqwertyuiop',
  'asdfghjklasdfghjkl',
  'zxcvbnmzxcvbnm',
  'qazwsxedcrfvtgbyhn',
  '1qaz2wsx3edc4rfv5tgb',
  'q1w2e3r4t5y6u7i8o9p0',
  '1q2w3e4r5t6y7u8i9o0p',
  'abcdefghijklmnopqrst',
  'zyxwvutsrqponmlkjihg',
  'qweasdzxcqweasdzxc',
  'poiuytrewqpoiuytrewq',
  'mnbvcxzmnbvcxz',
  'abc123abc123abc123ab',
  'a1b2c3d4e5f6g7h8i9j0',
  'qwerty123456qwerty12',
  'password123456789012',
];
for (const run of RUNS) for (let n = 6; n <= run.length; n++) add(run.slice(0, n));

// The same character or pair repeated.
for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789!*.#x') for (let n = 6; n <= 24; n++) add(c.repeat(n));
for (const pair of ['ab', '12', 'qw', 'xo', 'ha', 'la', '01', '69', 'aa1', 'abc', '123', 'qwe'])
  for (let n = 2; n <= 10; n++) add(pair.repeat(n));

// Dates people use: ddmmyyyy and yyyymmdd for the years 1950–2026 (first of each month).
for (let year = 1950; year <= 2026; year++)
  for (let month = 1; month <= 12; month++) {
    const mm = String(month).padStart(2, '0');
    add(`01${mm}${year}`);
    add(`${year}${mm}01`);
  }

// The published list, when its package is at hand (see the comment at the top).
let published = 0;
try {
  const { createRequire } = await import('node:module');
  const require = createRequire(`${process.env.NODE_PATH ?? process.cwd()}/`);
  const { dictionary } = require('@zxcvbn-ts/language-common') as {
    dictionary: Record<string, string[]>;
  };
  for (const password of dictionary['passwords-common'] ?? []) {
    add(password);
    published += 1;
  }
} catch {
  console.warn('@zxcvbn-ts/language-common not found: the list has the patterns only.');
}

const header = [
  '# Common passwords refused by SoftPower (see common-passwords.build.ts for how it is made).',
  '# One password a line, lower case; the check lower-cases what it compares.',
];
const target = new URL('./common-passwords.txt', import.meta.url);
writeFileSync(target, `${[...header, ...[...list].sort()].join('\n')}\n`);
console.log(`Wrote ${list.size} passwords (${published} from the published list) to ${target.pathname}`);
