/**
 * Traditional characters that occur in the words of these forms (预算/决算 tables, 三公 tables, 绩效自评表), each with its
 * simplified form, so a table typed or mirrored in traditional characters ("年初預算數", "績效指標", "實際完成值") is
 * matched by the same vocabulary. Used for matching only: cell text is shown as written. Only characters that are never
 * used as simplified characters themselves are listed (no 乾, 著, 於 …), so folding cannot change a simplified text: each
 * lies outside GB2312 but for 後 (there as a rare surname), and each folds to one character of GB2312, one UTF-16 code unit
 * for one, so a folded text keeps every position (test/core/traditional.test.ts).
 */
const PAIRS =
  "預预 執执 實实 際际 標标 數数 資资 總总 額额 績绩 評评 價价 產产 質质 時时 經经 濟济 會会 滿满 結结 論论 項项 稱称 " +
  "萬万 億亿 撥拨 轉转 體体 級级 進进 單单 對对 務务 驗验 違违 責责 為为 決决 餘余 費费 國国 車车 購购 運运 維维 護护 " +
  "辦办 機机 關关 訓训 編编 製制 碼码 類类 計计 劃划 營营 補补 業业 繳缴 專专 戶户 員员 調调 說说 備备 註注 優优 權权 " +
  "準准 問问 題题 負负 報报 聯联 繫系 電电 話话 欄栏 號号 變变 減减 異异 與与 開开 則则 當当 據据 銷销 財财 況况 門门 " +
  "區区 縣县 廳厅 處处 現现 統统 節节 點点 規规 過过 響响 續续 設设 內内 確确 達达 態态 環环 職职 離离 屬属 佔占 審审 " +
  "後后 別别 創创 獎奖 勵励 檢检 廣广 積积 極极 鎮镇 鄉乡 歲岁";

/**
 * The characters of report text (增長, 較上年, 個, 學, 園 …), for the audit: every traditional character outside GB2312
 * whose simplified form occurs in the published 说明 of test/audit/corpus or in these sources' own words, less the
 * variants that are standard characters of their own in simplified text (葯, 昇, 脩 …).
 */
const REPORT_PAIRS =
  "丟丢 並并 佈布 併并 來来 侷局 係系 個个 們们 傢家 傳传 債债 僅仅 僑侨 儉俭 儘尽 償偿 儲储 兒儿 兩两 冊册 凈净 刪删 劑剂 動动 勞劳 勢势 匯汇 協协 厲厉 參参 啓启 啟启 嗎吗 噸吨 噹当 " +
  "嚮向 嚴严 圍围 園园 圖图 團团 堅坚 場场 壇坛 壓压 壽寿 夾夹 奬奖 學学 寫写 將将 尋寻 導导 屆届 層层 峽峡 嶽岳 帶带 幷并 幹干 幾几 庫库 廢废 張张 強强 彆别 彌弥 彙汇 徑径 從从 復复 " +
  "徹彻 慮虑 慶庆 憑凭 應应 捨舍 採采 換换 損损 撫抚 擇择 擔担 擬拟 擴扩 暫暂 曏向 書书 朮术 東东 査查 條条 構构 樓楼 樣样 橋桥 檔档 檯台 歷历 殘残 氣气 汙污 沒没 沖冲 涼凉 淨净 測测 " +
  "溝沟 滙汇 漲涨 瀏浏 瀰弥 灑洒 灣湾 災灾 無无 爭争 爲为 牀床 狀状 獨独 獲获 瑤瑶 産产 畝亩 畢毕 療疗 發发 盡尽 監监 眞真 眾众 磚砖 礎础 稅税 種种 穩稳 穫获 窯窑 競竞 箇个 範范 築筑 " +
  "篩筛 簡简 籌筹 糧粮 紀纪 約约 紅红 納纳 細细 紹绍 終终 組组 絕绝 絡络 給给 絶绝 綜综 綠绿 綫线 綱纲 網网 綿绵 緊紧 緑绿 線线 緩缓 緻致 縮缩 織织 繕缮 繪绘 繼继 纍累 習习 肅肃 脫脱 " +
  "腦脑 臨临 臺台 興兴 舉举 舊旧 莊庄 華华 蓋盖 蔘参 藍蓝 藥药 衆众 術术 衛卫 衝冲 裏里 裝装 裡里 複复 見见 覽览 觀观 訂订 訊讯 託托 記记 許许 診诊 証证 詞词 詢询 試试 該该 詳详 認认 " +
  "誤误 説说 談谈 請请 諮咨 證证 識识 譜谱 議议 讀读 讓让 貧贫 貨货 貫贯 貳贰 買买 貸贷 貼贴 賃赁 賓宾 賠赔 賬账 賽赛 贈赠 趙赵 趨趋 軟软 較较 載载 輔辅 輛辆 輝辉 輯辑 輸输 轄辖 轎轿 " +
  "農农 迴回 逕径 這这 連连 週周 遊游 適适 遲迟 選选 遺遗 還还 邏逻 郵邮 醫医 釋释 銀银 銜衔 鋒锋 鋪铺 錄录 錯错 録录 錶表 鍵键 鍾钟 鎭镇 鐘钟 鐵铁 長长 閉闭 間间 閱阅 閲阅 闆板 陳陈 " +
  "陸陆 陽阳 隊队 隨随 險险 隻只 雜杂 雞鸡 雲云 鞏巩 韆千 頁页 頂顶 頃顷 順顺 須须 頓顿 領领 頭头 顛颠 顯显 颱台 餅饼 養养 館馆 饋馈 駕驾 髮发 鬚须 鶴鹤 鷄鸡 麵面 麼么 黃黄 黨党 齣出 " +
  "龍龙";

const FOLD = new Map<string, string>();
for (const pair of `${PAIRS} ${REPORT_PAIRS}`.split(" ")) if ([...pair].length === 2) FOLD.set(pair[0], pair[1]);

/** The listed characters, for a lookup table of characters squash must act on (text.ts). */
export const TRADITIONAL_CHARS: readonly string[] = [...FOLD.keys()];

/** Per UTF-16 code unit, 1 for a listed character: one look-up per character instead of a class of hundreds of characters. */
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

/**
 * 於 is a simplified character as well (a surname), so it is never folded alone; after these characters it is the 于 of
 * 大於/小於/高於/低於/多於/少於/等於 (决算数大于预算数) and 由於/用於/關於/對於/屬於 (reasons, purposes).
 */
const YU_WORDS = /([大小高低多少等由用关对属])於/g;

/** Running text (a report the audit reads): the listed characters, and 於 in the words above; one character for one. */
export function foldTraditionalText(text: string): string {
  const folded = foldTraditional(text);
  return folded.includes("於") ? folded.replace(YU_WORDS, "$1于") : folded;
}
