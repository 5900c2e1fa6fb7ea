#!/bin/sh
# Start a Tillbox screen as a full-screen kiosk in Chromium on the store box (or on a screen's own
# small computer). One screen per output; run it from the session's autostart (X11) or as the
# program of a Wayland kiosk compositor (cage -- tillbox-kiosk.sh).
#
# Settings (environment):
#   TILLBOX_URL      the screen to open            default http://localhost:8080/kiosk
#   TILLBOX_ROTATE   normal | left | right | inverted  (a portrait kiosk on a landscape panel: left)
#   TILLBOX_OUTPUT   the display output to rotate (xrandr name, e.g. HDMI-1); default: the first connected
#   TILLBOX_TOUCH    the touch screen's xinput name, mapped to that output so touches land where they show
#   TILLBOX_PROFILE  Chromium's profile folder; it must survive restarts, it holds the screen's pairing
#                    cookie (default /var/lib/tillbox-kiosk)
set -eu

URL="${TILLBOX_URL:-http://localhost:8080/kiosk}"
ROTATE="${TILLBOX_ROTATE:-normal}"
PROFILE="${TILLBOX_PROFILE:-/var/lib/tillbox-kiosk}"

case "$ROTATE" in
  normal | left | right | inverted) ;;
  *) echo "TILLBOX_ROTATE must be normal, left, right or inverted, not '$ROTATE'" >&2; exit 64 ;;
esac

if [ -n "${DISPLAY:-}" ] && command -v xrandr >/dev/null 2>&1; then
  OUTPUT="${TILLBOX_OUTPUT:-$(xrandr --query | awk '/ connected/ { print $1; exit }')}"
  if [ -n "$OUTPUT" ]; then
    xrandr --output "$OUTPUT" --rotate "$ROTATE"
    if [ -n "${TILLBOX_TOUCH:-}" ] && command -v xinput >/dev/null 2>&1; then
      xinput map-to-output "$TILLBOX_TOUCH" "$OUTPUT"
    fi
  fi
  # No screen saver, no power saving, no cursor over the menu.
  xset s off -dpms s noblank 2>/dev/null || true
  command -v unclutter >/dev/null 2>&1 && { unclutter -idle 1 -root & }
elif [ "$ROTATE" != normal ] && command -v wlr-randr >/dev/null 2>&1; then
  case "$ROTATE" in left) T=90 ;; right) T=270 ;; inverted) T=180 ;; esac
  OUTPUT="${TILLBOX_OUTPUT:-$(wlr-randr | awk 'NR == 1 { print $1 }')}"
  wlr-randr --output "$OUTPUT" --transform "$T"
fi

mkdir -p "$PROFILE"
CHROMIUM="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$CHROMIUM" ]; then
  echo "Chromium is not installed (apt-get install chromium)" >&2
  exit 69
fi

# Wait for the store box to answer before opening the screen (the edge may still be starting).
if command -v curl >/dev/null 2>&1; then
  HEALTH="$(printf '%s' "$URL" | sed -E 's#^(https?://[^/]+).*#\1#')/api/v1/health"
  i=0
  until curl -fsS -o /dev/null "$HEALTH" 2>/dev/null || [ "$i" -ge 60 ]; do i=$((i + 1)); sleep 1; done
fi

exec "$CHROMIUM" \
  --kiosk "$URL" \
  --user-data-dir="$PROFILE" \
  --no-first-run \
  --noerrdialogs \
  --disable-infobars \
  --disable-session-crashed-bubble \
  --disable-features=Translate,TouchpadOverscrollHistoryNavigation \
  --overscroll-history-navigation=0 \
  --disable-pinch \
  --touch-events=enabled \
  --autoplay-policy=no-user-gesture-required \
  --check-for-update-interval=31536000 \
  --password-store=basic
