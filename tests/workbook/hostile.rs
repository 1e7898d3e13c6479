//! Hostile input for the entry points added with the second readings: every call with NaN,
//! infinities, zero, negative, huge or tiny values returns a typed error or a finite answer,
//! without panicking or hanging.

use mmsbook::binning::read_catalogue_str;
use mmsbook::claims::{Precision, Quoted, parse_inventory, span};
use mmsbook::force_balance::known_answer::{BoundaryField, KnownSheet, MethodSettings, Sampling, SheetShape};
use mmsbook::force_balance::selection::{COLUMNS, select};
use mmsbook::instruments::{DES_ENERGIES_FAST_EV, des_channel_nearest};

const HOSTILE: [f64; 10] = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -1.0, 1e308, -1e308, 1e-300, 0.5, 3.0];

#[test]
fn known_answer_sheets_refuse_hostile_parameters_or_answer_finitely() {
    let (mut calls, mut refused) = (0, 0);
    for &value in &HOSTILE {
        let shapes = [
            SheetShape::Harris,
            SheetShape::Embedded { core_field_fraction: value, core_thickness_ratio: 0.2 },
            SheetShape::Embedded { core_field_fraction: 0.5, core_thickness_ratio: value },
            SheetShape::Bifurcated { separation: value },
        ];
        for shape in shapes {
            for sheet in [
                KnownSheet { shape, b0_t: value, thickness_m: 1e6, b_z_t: 2e-9, share: 0.3 },
                KnownSheet { shape, b0_t: 2e-8, thickness_m: value, b_z_t: 2e-9, share: 0.3 },
                KnownSheet { shape, b0_t: 2e-8, thickness_m: 1e6, b_z_t: value, share: value },
            ] {
                for settings in [
                    MethodSettings { samples: 201, ..MethodSettings::single_crossing() },
                    MethodSettings { boundary: BoundaryField::WhereCurrentFalls(value), sampling: Sampling::UniformInField, samples: 201 },
                ] {
                    for misjudged in [1.0, value] {
                        calls += 1;
                        match sheet.method_with(settings, misjudged) {
                            Ok(r) => assert!(r.recovered_share.is_finite() && r.thickness_ratio.is_finite(), "{sheet:?} {settings:?} {misjudged}: {r:?}"),
                            Err(_) => refused += 1,
                        }
                    }
                }
            }
        }
    }
    assert!(refused > 0 && refused < calls, "{refused} of {calls} refused");
}

#[test]
fn the_wash_out_scan_refuses_layers_it_cannot_bound() {
    for value in HOSTILE.into_iter().chain([25.0, 1e-3]) {
        if !(0.05..=20.0).contains(&value) {
            assert!(mmsbook::smile::washout::washout(value).is_err(), "{value}");
        }
    }
}

#[test]
fn the_selection_filter_refuses_hostile_catalogues_and_parameters() {
    for cell in ["nan", "inf", "-inf", "1e308", "-0", "x", ""] {
        let csv = format!("{}\n-15,-8,7,{cell},40,2,0.9,0.95\n", COLUMNS.join(","));
        if let Ok(frame) = read_catalogue_str(&csv, &["x_re"]) {
            if let Ok(selection) = select(&frame, 0.0) {
                assert!(selection.kept.height() <= 1, "{cell}");
            }
        }
    }
    let frame = read_catalogue_str(&format!("{}\n-15,-8,7,9,40,2,0.9,0.95\n", COLUMNS.join(",")), &COLUMNS).unwrap();
    for approach in HOSTILE {
        if let Ok(selection) = select(&frame, approach) {
            assert!(approach.is_finite() && approach >= 0.0 && selection.largest_hall_field_mv_m.is_finite());
        }
    }
}

#[test]
fn spans_channels_and_inventories_take_hostile_input() {
    for &a in &HOSTILE {
        for &b in &HOSTILE {
            let quoted = [Quoted::new(a, Precision::Significant(2), "test", "a"), Quoted::new(b, Precision::Step(5.0), "test", "b")];
            if let Ok(c) = span(&quoted) {
                assert!(c.value.is_finite() && c.interval.contains(c.value), "{a} {b}: {c:?}");
            }
        }
        assert_eq!(des_channel_nearest(&DES_ENERGIES_FAST_EV, a).is_some(), a.is_finite() && a > 0.0, "{a}");
    }
    assert!(span(&[]).is_err());
    for text in ["", "section,number,disposition,reason\n", "a,b\n1,2\n", "section,number,disposition,reason\n,,,\n", "\u{0}\u{ffff},\"", "section,number,disposition,reason\ns,n,claim:,r\n"] {
        let _ = parse_inventory("test", text);
    }
}

#[test]
fn equilibrium_checks_refuse_points_off_the_profile() {
    use mmsbook::flux_rope::equilibrium::{RadialGrid, solve_original};
    use mmsbook::flux_rope::equilibrium_check::{radial_force_residual, vlasov_residual};
    use mmsbook::flux_rope::RopeParameters;
    let profile = solve_original(&RopeParameters::table_1(), RadialGrid { rho_max_m: 2e5, intervals: 200 }).unwrap();
    for (index, stride) in [(0, 1), (200, 1), (usize::MAX, 1), (5, 0), (5, usize::MAX), (100, 101)] {
        assert!(vlasov_residual(&profile, index, stride).is_err(), "({index}, {stride})");
    }
    for stride in [0, 101, usize::MAX] {
        assert!(radial_force_residual(&profile, stride).is_err(), "{stride}");
    }
    let relative = vlasov_residual(&profile, 50, 1).unwrap().relative;
    assert!(relative.is_finite());
}
