/**
 * Traditional characters that occur in the words of these forms (预算/决算 tables, 三公 tables, 绩效自评表), each with its
 * simplified form, so a table typed or mirrored in traditional characters ("年初預算數", "績效指標", "實際完成值") is
 * matched by the same vocabulary. Used for matching only: cell text is shown as written. Only characters that are never
 * used as simplified characters themselves are listed (no 乾, 著, 於 …), so folding cannot change a simplified text.
 */
const PAIRS =
  "預预 執执 實实 際际 標标 數数 資资 總总 額额 績绩 評评 價价 產产 質质 時时 經经 濟济 會会 滿满 結结 論论 項项 稱称 " +
  "萬万 億亿 撥拨 轉转 體体 級级 進进 單单 對对 務务 驗验 違违 責责 為为 決决 餘余 費费 國国 車车 購购 運运 維维 護护 " +
  "辦办 機机 關关 訓训 編编 製制 碼码 類类 計计 劃划 營营 補补 業业 繳缴 專专 戶户 員员 調调 說说 備备 註注 優优 權权 " +
  "準准 問问 題题 負负 報报 聯联 繫系 電电 話话 欄栏 號号 變变 減减 異异 與与 開开 則则 當当 據据 銷销 財财 況况 門门 " +
  "區区 縣县 廳厅 處处 現现 統统 節节 點点 規规 過过 響响 續续 設设 內内 確确 達达 態态 環环 職职 離离 屬属 佔占 審审 " +
  "後后 別别 創创 獎奖 勵励 檢检 廣广 積积 極极 鎮镇 鄉乡 歲岁";

const FOLD = new Map<string, string>();
for (const pair of PAIRS.split(" ")) if ([...pair].length === 2) FOLD.set(pair[0], pair[1]);

/** The listed characters, for a lookup table of characters squash must act on (text.ts). */
export const TRADITIONAL_CHARS: readonly string[] = [...FOLD.keys()];

/** Per UTF-16 code unit, 1 for a listed character: one look-up per character instead of a 180-character class. */
const IS_TRADITIONAL = new Uint8Array(65536);
for (const ch of TRADITIONAL_CHARS) IS_TRADITIONAL[ch.charCodeAt(0)] = 1;

/** "年初預算數" → "年初预算数"; text without any of the listed characters is returned as it is. */
export function foldTraditional(text: string): string {
  let any = 0;
  for (let i = 0; i < text.length && any === 0; i++) any = IS_TRADITIONAL[text.charCodeAt(i)];
  if (any === 0) return text;
  let out = "";
  for (const ch of text) out += FOLD.get(ch) ?? ch;
  return out;
}
