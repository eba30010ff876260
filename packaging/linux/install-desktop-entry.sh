#!/usr/bin/env bash
# Put Imitation Lens in the desktop's application menu, for the current user: run it from the
# unpacked bundle folder (./packaging/linux/install-desktop-entry.sh). Nothing needs root.
set -euo pipefail
bundle="$(cd "$(dirname "$0")/../.." && pwd)"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor"
mkdir -p "$apps" "$icons/256x256/apps" "$icons/64x64/apps" "$icons/scalable/apps"
cp "$bundle/resources/icons/imitation-lens-256.png" "$icons/256x256/apps/imitation-lens.png"
cp "$bundle/resources/icons/imitation-lens-64.png" "$icons/64x64/apps/imitation-lens.png"
cp "$bundle/resources/icons/imitation-lens.svg" "$icons/scalable/apps/imitation-lens.svg"
sed "s|^Exec=.*|Exec=\"$bundle/imitation-lens\" %f|" \
  "$bundle/packaging/linux/imitation-lens.desktop" > "$apps/imitation-lens.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$apps" || true
echo "Imitation Lens is in your applications menu ($apps/imitation-lens.desktop)."
