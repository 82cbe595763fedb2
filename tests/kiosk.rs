//! Kiosk mode headless: the loop plays real scenarios on freshly booted systems, a
//! simulated visitor takes the terminals and walks away, and the loop goes back to the
//! narration after the idle time (all in virtual time); memory stays flat.
//!
//! The short soak runs in CI; the long one (`cargo test --release --test kiosk --
//! --ignored`) plays 10,000 scenario runs (`CPCMS_KIOSK_RUNS=N`: N) or an hour of wall
//! time, whichever comes first.

use std::time::Duration;

use cpcms::scenario::Scenario;
use cpcms::tui::kiosk::{DEFAULT_IDLE_MS, soak};

fn scenarios() -> Vec<Scenario> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");
    ["logon.ron", "cp-commands.ron"]
        .iter()
        .map(|f| Scenario::load(std::path::Path::new(&format!("{dir}/{f}"))).unwrap())
        .collect()
}

fn report(what: &str, r: &cpcms::tui::kiosk::SoakReport) {
    println!(
        "{what}: {} runs, {} resets after idle, {:.0} s virtual; RSS {} KiB at start, {} KiB at end",
        r.runs, r.resets, r.virtual_seconds, r.rss_start_kib, r.rss_end_kib
    );
}

#[test]
fn the_kiosk_loop_plays_resets_and_stays_flat() {
    let s = scenarios();
    // Warm up (the first boot's allocations are not a leak), then measure.
    soak(&s, 2, Duration::from_secs(600), DEFAULT_IDLE_MS, 0).unwrap();
    let r = soak(&s, 8, Duration::from_secs(600), DEFAULT_IDLE_MS, 2).unwrap();
    report("kiosk soak", &r);
    assert_eq!(r.runs, 8);
    assert_eq!(r.resets, 4, "every second run a visitor came and went");
    // Each reset waited out the idle time in virtual time.
    assert!(r.virtual_seconds >= 4.0 * 180.0, "{r:?}");
    if r.rss_start_kib > 0 {
        assert!(
            r.rss_end_kib < r.rss_start_kib + 64 * 1024,
            "memory grew by more than 64 MiB: {r:?}"
        );
    }
}

#[test]
#[ignore = "long: 10,000 scenario runs or an hour of wall time"]
fn the_kiosk_loop_soaks_for_an_hour() {
    let s = scenarios();
    soak(&s, 2, Duration::from_secs(600), DEFAULT_IDLE_MS, 0).unwrap();
    // CPCMS_KIOSK_RUNS=N plays N runs instead (a shorter soak).
    let runs = std::env::var("CPCMS_KIOSK_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let r = soak(&s, runs, Duration::from_secs(3600), DEFAULT_IDLE_MS, 5).unwrap();
    report("kiosk long soak", &r);
    assert!(r.runs > 0);
    if r.rss_start_kib > 0 {
        assert!(r.rss_end_kib < r.rss_start_kib + 64 * 1024, "{r:?}");
    }
}
