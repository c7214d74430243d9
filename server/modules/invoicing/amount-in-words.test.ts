import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amountInWordsEn, amountInWordsPl } from './amount-in-words.ts';

const PL: [minor: number, words: string, why: string][] = [
  [0, 'zero złotych 00/100', 'nothing is "zero złotych"'],
  [1, 'zero złotych 01/100', 'a single grosz keeps zero złoty in words'],
  [100, 'jeden złoty 00/100', 'one takes the singular "złoty"'],
  [200, 'dwa złote 00/100', '2 takes the plural "złote"'],
  [400, 'cztery złote 00/100', '4 takes the plural "złote"'],
  [500, 'pięć złotych 00/100', '5 takes the genitive "złotych"'],
  [1100, 'jedenaście złotych 00/100', '11 takes "złotych"'],
  [1200, 'dwanaście złotych 00/100', '12 takes "złotych", not "złote"'],
  [1400, 'czternaście złotych 00/100', '14 takes "złotych", not "złote"'],
  [1500, 'piętnaście złotych 00/100', '15 takes "złotych"'],
  [2000, 'dwadzieścia złotych 00/100', 'round tens take "złotych"'],
  [2100, 'dwadzieścia jeden złotych 00/100', '21 takes "złotych", not "złoty"'],
  [2200, 'dwadzieścia dwa złote 00/100', '22 takes "złote"'],
  [2500, 'dwadzieścia pięć złotych 00/100', '25 takes "złotych"'],
  [10000, 'sto złotych 00/100', '100 is "sto"'],
  [10100, 'sto jeden złotych 00/100', '101 takes "złotych"'],
  [11200, 'sto dwanaście złotych 00/100', '112 takes "złotych" (ends in 12)'],
  [12300, 'sto dwadzieścia trzy złote 00/100', '123 takes "złote"'],
  [21300, 'dwieście trzynaście złotych 00/100', '200 is "dwieście"'],
  [78597, 'siedemset osiemdziesiąt pięć złotych 97/100', 'grosze are written as a fraction of 100'],
  [100000, 'tysiąc złotych 00/100', '1000 is "tysiąc", without "jeden"'],
  [100100, 'tysiąc jeden złotych 00/100', '1001 takes "złotych"'],
  [200000, 'dwa tysiące złotych 00/100', '2000 is "dwa tysiące"'],
  [500000, 'pięć tysięcy złotych 00/100', '5000 is "pięć tysięcy"'],
  [1200000, 'dwanaście tysięcy złotych 00/100', '12 000 is "dwanaście tysięcy"'],
  [2200000, 'dwadzieścia dwa tysiące złotych 00/100', '22 000 is "dwadzieścia dwa tysiące"'],
  [2500000, 'dwadzieścia pięć tysięcy złotych 00/100', '25 000 is "dwadzieścia pięć tysięcy"'],
  [4423080, 'czterdzieści cztery tysiące dwieście trzydzieści złotych 80/100', '44 230,80 zł'],
  [10000000, 'sto tysięcy złotych 00/100', '100 000 is "sto tysięcy"'],
  [11200000, 'sto dwanaście tysięcy złotych 00/100', '112 000 takes "tysięcy" (ends in 12)'],
  [99999999, 'dziewięćset dziewięćdziesiąt dziewięć tysięcy dziewięćset dziewięćdziesiąt dziewięć złotych 99/100', '999 999,99 zł'],
  [100000000, 'milion złotych 00/100', '1 000 000 is "milion"'],
  [100000100, 'milion jeden złotych 00/100', '1 000 001 skips the empty thousands'],
  [200000000, 'dwa miliony złotych 00/100', '2 000 000 is "dwa miliony"'],
  [500000000, 'pięć milionów złotych 00/100', '5 000 000 is "pięć milionów"'],
  [1300000000, 'trzynaście milionów złotych 00/100', '13 000 000 is "trzynaście milionów"'],
  [123456789, 'milion dwieście trzydzieści cztery tysiące pięćset sześćdziesiąt siedem złotych 89/100', '1 234 567,89 zł'],
  [200000000000, 'dwa miliardy złotych 00/100', '2 000 000 000 is "dwa miliardy"'],
  [-14760, 'minus sto czterdzieści siedem złotych 60/100', 'a negative amount starts with "minus"'],
  [-5, 'minus zero złotych 05/100', 'a negative amount under one złoty keeps the sign'],
];

for (const [minor, words, why] of PL) {
  test(`${minor} gr in Polish words is "${words}": ${why}`, () => {
    assert.equal(amountInWordsPl(minor), words);
  });
}

const EN: [minor: number, words: string][] = [
  [0, 'zero zloty 00/100'],
  [100, 'one zloty 00/100'],
  [1500, 'fifteen zloty 00/100'],
  [2100, 'twenty-one zloty 00/100'],
  [4000, 'forty zloty 00/100'],
  [10100, 'one hundred one zloty 00/100'],
  [78597, 'seven hundred eighty-five zloty 97/100'],
  [100000, 'one thousand zloty 00/100'],
  [4423080, 'forty-four thousand two hundred thirty zloty 80/100'],
  [100000000, 'one million zloty 00/100'],
  [123456789, 'one million two hundred thirty-four thousand five hundred sixty-seven zloty 89/100'],
  [-14760, 'minus one hundred forty-seven zloty 60/100'],
];

for (const [minor, words] of EN) {
  test(`${minor} gr in English words is "${words}"`, () => {
    assert.equal(amountInWordsEn(minor), words);
  });
}

test('an amount that is not a whole number of grosze is refused', () => {
  assert.throws(() => amountInWordsPl(1.5), RangeError);
  assert.throws(() => amountInWordsEn(Number.NaN), RangeError);
});
