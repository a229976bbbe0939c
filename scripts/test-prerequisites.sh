#!/usr/bin/env bash
# Runs before `npm test` (the pretest script): what the suites need besides node_modules — Debian's Chromium for the
# browser tests, LibreOffice (Writer for the report renders, Calc for workbooks made by another tool), poppler and the
# Noto CJK fonts. Installs what is missing with apt-get when it can (root, or sudo without a password); otherwise stops
# with one message naming the command to run, instead of failing the suites one by one.
set -u
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
have_pkg libreoffice-writer-nogui || have_pkg libreoffice-writer || need+=(libreoffice-writer-nogui)
have_pkg libreoffice-calc-nogui || have_pkg libreoffice-calc || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "Noto.*CJK" || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0

# De-duplicate, keep order.
mapfile -t need < <(printf '%s\n' "${need[@]}" | awk '!seen[$0]++')
command="apt-get update && apt-get install -y --no-install-recommends ${need[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "测试需要：${need[*]}（Debian 软件包名）。请用本机的包管理器安装后再运行 npm test。" >&2
  echo "The tests need: ${need[*]} (Debian package names). Install them with this machine's package manager." >&2
  exit 1
elif [ "$(id -u)" -eq 0 ]; then
  run=(bash -c)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo bash -c)
else
  echo "测试需要先安装：${need[*]}。请以管理员身份运行：sudo bash -c '${command}'" >&2
  echo "The tests need: ${need[*]}. Run as an administrator: sudo bash -c '${command}'" >&2
  exit 1
fi
echo "正在安装测试所需的软件包 / installing what the tests need: ${need[*]}"
if ! DEBIAN_FRONTEND=noninteractive "${run[@]}" "apt-get update -qq && apt-get install -y -qq --no-install-recommends ${need[*]} >/dev/null"; then
  echo "安装失败，请手动运行：sudo bash -c '${command}' / install failed; run it by hand" >&2
  exit 1
fi
