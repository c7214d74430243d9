// Polish words the dataset generator draws from: cities (with postal-code prefixes, area codes and
// weights), first names, surnames, trades, streets, roles, mail domains and notes.
export const CITIES: [string, string[], number, string][] = [
  ['Warszawa', ['00', '01', '02', '03', '04'], 18, '22'],
  ['Kraków', ['30', '31'], 8, '12'],
  ['Łódź', ['90', '91', '92', '93', '94'], 7, '42'],
  ['Wrocław', ['50', '51', '52', '53', '54'], 6, '71'],
  ['Poznań', ['60', '61'], 5, '61'],
  ['Gdańsk', ['80'], 5, '58'],
  ['Szczecin', ['70', '71'], 4, '91'],
  ['Bydgoszcz', ['85'], 3, '52'],
  ['Lublin', ['20'], 3, '81'],
  ['Białystok', ['15'], 3, '85'],
  ['Katowice', ['40'], 3, '32'],
  ['Gdynia', ['81'], 2, '58'],
  ['Częstochowa', ['42'], 2, '34'],
  ['Radom', ['26'], 2, '48'],
  ['Toruń', ['87'], 2, '56'],
  ['Sosnowiec', ['41'], 2, '32'],
  ['Kielce', ['25'], 2, '41'],
  ['Rzeszów', ['35'], 2, '17'],
  ['Gliwice', ['44'], 2, '32'],
  ['Olsztyn', ['10'], 2, '89'],
  ['Bielsko-Biała', ['43'], 2, '33'],
  ['Zielona Góra', ['65'], 1, '68'],
  ['Opole', ['45'], 1, '77'],
  ['Gorzów Wielkopolski', ['66'], 1, '95'],
  ['Elbląg', ['82'], 1, '55'],
  ['Płock', ['09'], 1, '24'],
  ['Wałbrzych', ['58'], 1, '74'],
  ['Włocławek', ['87'], 1, '54'],
  ['Tarnów', ['33'], 1, '14'],
  ['Chorzów', ['41'], 1, '32'],
  ['Koszalin', ['75'], 1, '94'],
  ['Kalisz', ['62'], 1, '62'],
  ['Legnica', ['59'], 1, '76'],
  ['Grudziądz', ['86'], 1, '56'],
  ['Słupsk', ['76'], 1, '59'],
  ['Jastrzębie-Zdrój', ['44'], 1, '32'],
  ['Nowy Sącz', ['33'], 1, '18'],
  ['Jelenia Góra', ['58'], 1, '75'],
  ['Siedlce', ['08'], 1, '25'],
  ['Piła', ['64'], 1, '67'],
  ['Łomża', ['18'], 1, '86'],
  ['Zamość', ['22'], 1, '84'],
  ['Żory', ['44'], 1, '32'],
  ['Świętochłowice', ['41'], 1, '32'],
  ['Łańcut', ['37'], 1, '17'],
  ['Żyrardów', ['96'], 1, '46'],
  ['Ełk', ['19'], 1, '87'],
  ['Świdnica', ['58'], 1, '74'],
  ['Ząbki', ['05'], 1, '22'],
  ['Łęczyca', ['99'], 1, '24'],
  ['Głogów', ['67'], 1, '76'],
  ['Sieradz', ['98'], 1, '43'],
  ['Końskie', ['26'], 1, '41'],
  ['Środa Wielkopolska', ['63'], 1, '61'],
];
export const CITY_TABLE: (typeof CITIES)[number][] = CITIES.flatMap((c) => Array<(typeof CITIES)[number]>(c[2]).fill(c));

export const MALE = ['Jan', 'Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Paweł', 'Michał', 'Marcin', 'Grzegorz', 'Józef', 'Łukasz', 'Adam', 'Zbigniew', 'Jerzy', 'Tadeusz', 'Mateusz', 'Dariusz', 'Mariusz', 'Wojciech', 'Ryszard', 'Jakub', 'Kazimierz', 'Marek', 'Stanisław', 'Rafał', 'Sławomir', 'Bartłomiej', 'Przemysław', 'Zdzisław', 'Mirosław', 'Bogusław', 'Władysław', 'Maciej', 'Szymon', 'Kacper', 'Wiesław', 'Henryk', 'Jarosław', 'Leszek', 'Błażej'];
export const FEMALE = ['Anna', 'Maria', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Barbara', 'Ewa', 'Krystyna', 'Elżbieta', 'Magdalena', 'Joanna', 'Zofia', 'Aleksandra', 'Monika', 'Teresa', 'Danuta', 'Natalia', 'Karolina', 'Marta', 'Beata', 'Dorota', 'Halina', 'Jadwiga', 'Janina', 'Irena', 'Grażyna', 'Bożena', 'Urszula', 'Jolanta', 'Żaneta', 'Łucja', 'Renata', 'Iwona', 'Justyna', 'Wiesława', 'Sylwia', 'Agata', 'Dominika', 'Weronika', 'Jadwiga'];
export const SURNAMES = ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Wojciechowski', 'Kwiatkowski', 'Krawczyk', 'Kaczmarek', 'Piotrowski', 'Grabowski', 'Zając', 'Pawłowski', 'Michalski', 'Król', 'Wieczorek', 'Jabłoński', 'Wróbel', 'Nowakowski', 'Majewski', 'Olszewski', 'Stępień', 'Malinowski', 'Jaworski', 'Adamczyk', 'Dudek', 'Nowicki', 'Pawlak', 'Górski', 'Witkowski', 'Walczak', 'Sikora', 'Baran', 'Rutkowski', 'Michalak', 'Szewczyk', 'Ostrowski', 'Tomaszewski', 'Pietrzak', 'Zalewski', 'Wróblewski', 'Marciniak', 'Jasiński', 'Zawadzki', 'Bąk', 'Jakubowski', 'Sadowski', 'Duda', 'Włodarczyk', 'Wilk', 'Chmielewski', 'Borkowski', 'Sokołowski', 'Szczepański', 'Sawicki', 'Lis', 'Kucharski', 'Kalinowski', 'Wysocki', 'Mazurek', 'Kubiak', 'Maciejewski', 'Czarnecki', 'Kołodziej', 'Urbański', 'Kaźmierczak', 'Kowalewski', 'Ślusarczyk', 'Żak', 'Łukasik', 'Głowacki', 'Śliwiński', 'Żukowski', 'Ćwikliński', 'Łuczak', 'Gołębiowski', 'Kozieł', 'Kowal', 'Źrałek', 'Ścibor', 'Żmuda'];

export const feminine = (surname: string) => surname.replace(/(sk|ck|dzk)i$/, '$1a');

export const TRADES_ADJ = ['Elektrycznych', 'Hydraulicznych', 'Remontowo-Budowlanych', 'Ślusarskich', 'Stolarskich', 'Transportowych', 'Informatycznych', 'Motoryzacyjnych', 'Blacharskich', 'Ogólnobudowlanych', 'Instalacyjnych', 'Gazowniczych', 'Dekarskich', 'Kominiarskich'];
export const TRADES_NOUN = ['Ślusarstwo', 'Stolarstwo', 'Hydraulika', 'Elektromechanika', 'Blacharstwo', 'Mechanika Pojazdowa', 'Krawiectwo', 'Szklarstwo', 'Dekarstwo', 'Kaflarstwo', 'Złotnictwo', 'Wulkanizacja', 'Tapicerstwo', 'Ogrodnictwo'];
export const WORDS = ['Auto', 'Termo', 'Klima', 'Elektro', 'Komputer', 'Agro', 'Gaz', 'Dom', 'Bud', 'Max', 'Pol', 'Tech', 'Żuraw', 'Świt', 'Źródło', 'Łącznik', 'Ogień', 'Śnieżka', 'Gwiazda', 'Orzeł', 'Sokół', 'Wisła', 'Odra', 'Warta', 'Bałtyk', 'Tatry', 'Mazowsze', 'Pomorze', 'Śląsk', 'Jantar', 'Kasztan', 'Dąb', 'Grom', 'Iskra', 'Wiatrak', 'Żagiel', 'Słonecznik', 'Pszczółka', 'Róża', 'Zefir'];
export const DEVICES = ['AGD', 'RTV', 'Komputerowy', 'Kotłów Gazowych', 'Klimatyzacji', 'Wózków Widłowych', 'Rowerowy', 'Samochodowy', 'Ogumienia', 'Pomp Ciepła', 'Maszyn Rolniczych', 'Wind', 'Kas Fiskalnych', 'Ekspresów do Kawy'];
export const PATRONS = ['Marii Skłodowskiej-Curie', 'Jana Pawła II', 'Adama Mickiewicza', 'Henryka Sienkiewicza', 'Tadeusza Kościuszki', 'Józefa Piłsudskiego', 'Juliusza Słowackiego', 'Marii Konopnickiej', 'Stefana Żeromskiego', 'Władysława Reymonta'];
export const STREETS = ['Piotrkowska', 'Marszałkowska', 'Długa', 'Krótka', 'Polna', 'Leśna', 'Słoneczna', 'Ogrodowa', 'Lipowa', 'Brzozowa', 'Kwiatowa', 'Szkolna', 'Kościelna', 'Zielona', 'Łąkowa', 'Żeromskiego', 'Mickiewicza', 'Słowackiego', 'Kościuszki', 'Sienkiewicza', 'Piłsudskiego', 'Reymonta', 'Konopnickiej', 'Wyszyńskiego', 'Grunwaldzka', 'Wojska Polskiego', '3 Maja', '11 Listopada', 'Źródlana', 'Świętokrzyska', 'Żwirki i Wigury', 'Łódzka', 'Śląska', 'Wrocławska', 'Ks. Popiełuszki', 'Spółdzielcza', 'Przemysłowa', 'Fabryczna', 'Rzemieślnicza', 'Wiśniowa'];
export const ROLES = ['właściciel', 'prezes zarządu', 'kierownik serwisu', 'księgowa', 'zaopatrzeniowiec', 'administrator budynku', 'kierownik zmiany', 'główny mechanik', 'sekretariat', ''];
export const MAIL_DOMAINS = ['gmail.com', 'wp.pl', 'onet.pl', 'o2.pl', 'interia.pl', 'op.pl', 'poczta.fm'];
export const NOTES = [
  '',
  '',
  '',
  '',
  'Płatność przelewem 14 dni.',
  'Klient od lat, rabat 5% na robociznę.',
  'Dzwonić przed przyjazdem — brama od podwórza.',
  'Faktury wyłącznie e-mailem.',
  'Umowa serwisowa do końca roku.',
  'Klucze u administratora, pokój 12.',
];

// ---------------------------------------------------------------------------------------------
// One customer
