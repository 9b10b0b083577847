#!/usr/bin/env bash
# Vendors Leaflet from the npm registry into public/vendor/leaflet/ (committed: the site never
# loads a script from elsewhere, and the running app needs no npm). Re-run to change version.
# Usage: scripts/vendor-leaflet.sh [version]
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="${1:-1.9.4}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "leaflet@$VERSION" >/dev/null && tar xzf "leaflet-$VERSION.tgz")
dest=public/vendor/leaflet
rm -rf "$dest"
mkdir -p "$dest/images"
cp "$work/package/dist/leaflet.js" "$work/package/dist/leaflet.css" "$dest/"
sed -i "/sourceMappingURL/d" "$dest/leaflet.js" "$dest/leaflet.css"  # no .map shipped
cp "$work/package/dist/images/"*.png "$dest/images/"
cp "$work/package/LICENSE" "$dest/LICENSE"
echo "$VERSION" > "$dest/VERSION"
echo "Leaflet $VERSION vendored into $dest"
