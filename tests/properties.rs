//! Properties that hold for every model, checked on generated ones with `proptest`:
//! the file format round-trips, the loader never panics, the projection's books balance, the
//! NPV is linear in the hidden-cost multiplier, and Monte Carlo results do not depend on threads.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use shoreline::engine::monte_carlo::{Control, Settings, SimulationResult, simulate};
use shoreline::engine::{Evaluation, Plan, Projection, Slot, finance};
use shoreline::model::{
    self, Behavior, Change, CostLine, Distribution, Estimate, Fx, HiddenCategory, HiddenCost, HiddenCostKind, InHouse,
    Learning, Method, Model, Override, OverrideValue, Period, Pricing, Scenario, Shore, Simulation, SourcingOption,
    Staffing, Tier, Transition, Workload, io,
};

const EXAMPLE: &str = include_str!("fixtures/contract_example.ron");

// ---------------------------------------------------------------------------------------------
// Generators. `wild` models hold any number (infinities, huge, tiny, negative) and any text, for
// the file format; tame models hold numbers a valid model could hold, for the engine.

fn number(wild: bool) -> BoxedStrategy<f64> {
    if wild {
        prop_oneof![
            4 => prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
            2 => -1e6..1e6_f64,
            1 => Just(f64::INFINITY),
            1 => Just(f64::NEG_INFINITY),
            1 => (-1000..1000_i32).prop_map(f64::from),
        ]
        .boxed()
    } else {
        (0.0..1000.0_f64).boxed()
    }
}

/// A number that must be greater than 0 in a valid model (units per FTE, productivity, fx rate).
fn positive(wild: bool) -> BoxedStrategy<f64> {
    if wild { number(true) } else { (0.05..20.0_f64).boxed() }
}

fn text(wild: bool) -> BoxedStrategy<String> {
    if wild { any::<String>().boxed() } else { "[A-Za-z ]{0,12}".boxed() }
}

fn distribution(wild: bool) -> BoxedStrategy<Distribution> {
    if wild {
        let n = || number(true);
        prop_oneof![
            (n(), n()).prop_map(|(low, high)| Distribution::Uniform { low, high }),
            (n(), n(), n()).prop_map(|(low, mode, high)| Distribution::Triangular { low, mode, high }),
            (n(), n(), n()).prop_map(|(low, mode, high)| Distribution::Pert { low, mode, high }),
            (n(), n()).prop_map(|(mean, sd)| Distribution::Normal { mean, sd }),
            (n(), n()).prop_map(|(p5, p95)| Distribution::LogNormal { p5, p95 }),
        ]
        .boxed()
    } else {
        // Valid shapes around a base b with spread s.
        (0.1..1000.0_f64, 0.01..0.5_f64, 0.0..1.0_f64, 0..5_u8)
            .prop_map(|(b, s, m, form)| {
                let (low, high) = (b * (1.0 - s), b * (1.0 + s));
                let mode = low + m * (high - low);
                match form {
                    0 => Distribution::Uniform { low, high },
                    1 => Distribution::Triangular { low, mode, high },
                    2 => Distribution::Pert { low, mode, high },
                    3 => Distribution::Normal { mean: b, sd: b * s },
                    _ => Distribution::LogNormal { p5: low, p95: high },
                }
            })
            .boxed()
    }
}

/// An estimate; tame ones scaled into `lo..hi` when plain, distributions only when `uncertain`.
fn estimate(wild: bool, lo: f64, hi: f64, uncertain: bool) -> BoxedStrategy<Estimate> {
    if wild {
        prop_oneof![number(true).prop_map(Estimate::Fixed), distribution(true).prop_map(Estimate::Uncertain)].boxed()
    } else if uncertain {
        let scale = move |d: Distribution| {
            // Rescale the distribution (base 0.1..1000, spread up to 50 %: values up to 1500)
            // into lo..hi, keeping it valid (a share's mode above 1 would not be).
            let f = |x: f64| lo + (hi - lo) * (x / 1500.0);
            match d {
                Distribution::Uniform { low, high } => Distribution::Uniform { low: f(low), high: f(high) },
                Distribution::Triangular { low, mode, high } => {
                    Distribution::Triangular { low: f(low), mode: f(mode), high: f(high) }
                }
                Distribution::Pert { low, mode, high } => {
                    Distribution::Pert { low: f(low), mode: f(mode), high: f(high) }
                }
                Distribution::Normal { mean, sd } => {
                    Distribution::Normal { mean: f(mean), sd: sd * (hi - lo) / 1500.0 }
                }
                Distribution::LogNormal { p5, p95 } if lo > 0.0 => Distribution::LogNormal { p5: f(p5), p95: f(p95) },
                Distribution::LogNormal { p5, p95 } => Distribution::Uniform { low: f(p5), high: f(p95) },
            }
        };
        prop_oneof![
            (lo..hi).prop_map(Estimate::Fixed),
            distribution(false).prop_map(move |d| Estimate::Uncertain(scale(d))),
        ]
        .boxed()
    } else {
        (lo..hi).prop_map(Estimate::Fixed).boxed()
    }
}

fn money(wild: bool) -> BoxedStrategy<Estimate> {
    estimate(wild, 0.0, 5000.0, true)
}

fn growth(wild: bool) -> BoxedStrategy<Estimate> {
    estimate(wild, -0.2, 0.3, true)
}

fn share(wild: bool) -> BoxedStrategy<Estimate> {
    estimate(wild, 0.0, 0.9, true)
}

fn month(wild: bool) -> BoxedStrategy<u32> {
    if wild { any::<u32>().boxed() } else { (0..40_u32).boxed() }
}

fn behavior(wild: bool) -> BoxedStrategy<Behavior> {
    prop_oneof![
        Just(Behavior::Fixed),
        Just(Behavior::PerFte),
        Just(Behavior::PerUnit),
        positive(wild).prop_map(|per| Behavior::Step { per }),
    ]
    .boxed()
}

fn cost_line(wild: bool) -> BoxedStrategy<CostLine> {
    (text(wild), behavior(wild), any::<bool>(), money(wild), growth(wild), month(wild), month(wild), any::<bool>())
        .prop_flat_map(move |(name, behavior, yearly, amount, escalation, start, span, windowed)| {
            let period = if yearly && behavior != Behavior::PerUnit { Period::Year } else { Period::Month };
            let (start_month, end_month) = if wild {
                (start, windowed.then_some(span))
            } else {
                (start % 12, windowed.then_some(start % 12 + 1 + span))
            };
            text(wild).prop_map(move |note| CostLine {
                name: name.clone(),
                behavior,
                period,
                amount,
                escalation,
                start_month,
                end_month,
                note,
            })
        })
        .boxed()
}

fn tiers(wild: bool) -> BoxedStrategy<Vec<Tier>> {
    if wild {
        vec((proptest::option::of(number(true)), money(true)).prop_map(|(up_to, price)| Tier { up_to, price }), 0..4)
            .boxed()
    } else {
        // Ascending bounds, the last tier open.
        vec((1.0..500.0_f64, money(false)), 1..4)
            .prop_map(|steps| {
                let n = steps.len();
                let mut bound = 0.0;
                steps
                    .into_iter()
                    .enumerate()
                    .map(|(i, (step, price))| {
                        bound += step;
                        Tier { up_to: (i + 1 < n).then_some(bound), price }
                    })
                    .collect()
            })
            .boxed()
    }
}

fn pricing(wild: bool) -> BoxedStrategy<Pricing> {
    let w = wild;
    prop_oneof![
        money(w).prop_map(|rate| Pricing::PerFte { rate }),
        (estimate(w, 0.0, 50.0, true), estimate(w, 100.0, 180.0, true))
            .prop_map(|(rate, hours_per_fte)| Pricing::PerHour { rate, hours_per_fte }),
        estimate(w, 0.0, 40.0, true).prop_map(|price| Pricing::PerUnit { price }),
        money(w).prop_map(|monthly| Pricing::FixedFee { monthly }),
        tiers(w).prop_map(|tiers| Pricing::Tiered { tiers }),
        (estimate(w, 0.0, 40.0, true), share(w))
            .prop_map(|(price, outcome_rate)| Pricing::PerOutcome { price, outcome_rate }),
        (
            estimate(w, 0.0, 3000.0, true),
            money(w),
            share(w),
            estimate(w, 0.0, 40.0, true),
            estimate(w, 0.0, 40.0, true)
        )
            .prop_map(|(baseline_units, baseline_fee, band, arc, rrc)| Pricing::Anchored {
                baseline_units,
                baseline_fee,
                band,
                arc,
                rrc,
            }),
    ]
    .boxed()
}

fn category() -> impl Strategy<Value = HiddenCategory> {
    prop::sample::select(HiddenCategory::ALL.to_vec())
}

fn hidden(wild: bool) -> BoxedStrategy<HiddenCost> {
    let w = wild;
    let kind = prop_oneof![
        (money(w), month(w)).prop_map(|(amount, month)| HiddenCostKind::OneTime { amount, month }),
        (money(w), month(w), proptest::option::of(month(w))).prop_map(move |(amount, from, to)| {
            let to = if w { to } else { to.map(|span| from + 1 + span) };
            HiddenCostKind::Monthly { amount, from, to }
        }),
        share(w).prop_map(|pct| HiddenCostKind::PercentOfFees { pct }),
        estimate(w, 0.0, 2.0, true).prop_map(|amount| HiddenCostKind::PerUnit { amount }),
        money(w).prop_map(|amount| HiddenCostKind::PerDisplacedFte { amount }),
    ];
    (text(w), category(), kind, text(w))
        .prop_map(move |(name, category, cost, note)| {
            // A valid SLA credit is a negative share of the fees.
            let cost = match cost {
                HiddenCostKind::PercentOfFees { pct: Estimate::Fixed(x) } if category == HiddenCategory::Sla && !w => {
                    HiddenCostKind::PercentOfFees { pct: Estimate::Fixed(-x / 10.0) }
                }
                HiddenCostKind::PercentOfFees { .. } if category == HiddenCategory::Sla && !w => {
                    HiddenCostKind::PercentOfFees { pct: Estimate::Fixed(-0.01) }
                }
                other => other,
            };
            HiddenCost { name, category, cost, note }
        })
        .boxed()
}

fn sourcing_option(wild: bool) -> BoxedStrategy<SourcingOption> {
    let w = wild;
    let shore = prop::sample::select(Shore::ALL.to_vec());
    let learning = proptest::option::of(
        (estimate(w, 0.0, 0.6, true), 0..24_u32).prop_map(|(initial_dip, months)| Learning { initial_dip, months }),
    );
    let fx = proptest::option::of(
        (text(w), estimate(w, 0.01, 3.0, true), growth(w)).prop_map(|(currency, rate, annual_change)| Fx {
            currency,
            rate,
            annual_change,
        }),
    );
    let transition = (month(w), month(w)).prop_map(move |(ramp, parallel)| Transition {
        ramp_months: ramp % if w { u32::MAX } else { 7 },
        parallel_months: parallel,
    });
    let head = (text(w), shore, text(w), pricing(w), estimate(w, 0.3, 2.0, true), learning, money(w), growth(w));
    let tail = (fx, transition, vec(cost_line(w), 0..3), vec(hidden(w), 0..5), text(w));
    (head, tail)
        .prop_map(
            |(
                (name, shore, region, pricing, productivity, learning, minimum_monthly, rate_escalation),
                (fx, transition, retained, hidden, note),
            )| SourcingOption {
                name,
                shore,
                region,
                pricing,
                productivity,
                learning,
                minimum_monthly,
                rate_escalation,
                fx,
                transition,
                retained,
                hidden,
                note,
            },
        )
        .boxed()
}

fn scenario(wild: bool) -> BoxedStrategy<Scenario> {
    let path = if wild {
        any::<String>().boxed()
    } else {
        prop::sample::select(vec!["workload.monthly_volume", "discount_rate", "options[0].productivity"])
            .prop_map(str::to_owned)
            .boxed()
    };
    // A new value, or a change relative to the base model in percent or as a factor.
    let value = prop_oneof![
        estimate(wild, 0.5, 2.0, true).prop_map(OverrideValue::Set),
        (-90.0..200.0f64).prop_map(|p| OverrideValue::Change(Change::Percent(p))),
        (0.0..3.0f64).prop_map(|k| OverrideValue::Change(Change::Times(k))),
    ];
    (text(wild), vec((path, value).prop_map(|(input, value)| Override { input, value }), 0..3))
        .prop_map(|(name, overrides)| Scenario { name, overrides })
        .boxed()
}

fn model_strategy(wild: bool) -> BoxedStrategy<Model> {
    let w = wild;
    let seasonality =
        if w { vec(number(true), 0..14).boxed() } else { prop_oneof![Just(Vec::new()), vec(0.0..3.0_f64, 12)].boxed() };
    let workload = (text(w), estimate(w, 0.0, 5000.0, true), growth(w), seasonality).prop_map(
        |(unit, monthly_volume, annual_growth, seasonality)| Workload {
            unit,
            monthly_volume,
            annual_growth,
            seasonality,
        },
    );
    let staffing = prop_oneof![Just(Staffing::SizedToPeak), Just(Staffing::Flexible)];
    let in_house = (estimate(w, 20.0, 500.0, true), staffing, vec(cost_line(w), 0..4))
        .prop_map(|(units_per_fte_month, staffing, costs)| InHouse { units_per_fte_month, staffing, costs });
    let method = prop_oneof![Just(Method::Random), Just(Method::LatinHypercube)];
    let samples = if w { any::<u32>().boxed() } else { (1..10_000_u32).boxed() };
    let simulation =
        (samples, any::<u64>(), method).prop_map(|(samples, seed, method)| Simulation { samples, seed, method });
    let head = (
        0..=1_u32,
        text(w),
        text(w),
        text(w),
        if w { any::<u32>().boxed() } else { (1..=12_u32).boxed() },
        if w { any::<u32>().boxed() } else { (1..=48_u32).boxed() },
        estimate(w, -0.05, 0.2, true),
    );
    let tail = (workload, in_house, vec(sourcing_option(w), 1..4), simulation, vec(scenario(w), 0..3));
    (head, tail)
        .prop_map(
            move |(
                (format_version, name, description, currency, start_month, horizon_months, discount_rate),
                (workload, in_house, options, simulation, scenarios),
            )| Model {
                format_version: if w { format_version } else { 1 },
                name,
                description,
                currency,
                start_month,
                horizon_months,
                discount_rate,
                workload,
                in_house,
                options,
                simulation,
                scenarios,
                presentation: Default::default(),
            },
        )
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// The file format

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn saving_then_loading_gives_back_an_equal_model(m in model_strategy(true)) {
        let text = io::to_ron_string(&m).expect("every model can be written");
        let again = io::from_ron_str(&text);
        prop_assert!(again.is_ok(), "the saved text does not load: {:?}\n{}", again.err(), text);
        prop_assert_eq!(again.ok(), Some(m), "{}", text);
    }

    #[test]
    fn valid_models_round_trip_and_stay_valid(m in model_strategy(false)) {
        let text = io::to_ron_string(&m).expect("every model can be written");
        let again = io::from_ron_str(&text).expect("the saved text loads");
        prop_assert_eq!(model::validate(&again), model::validate(&m));
        prop_assert_eq!(again, m);
    }
}

/// One random edit of a model's text.
#[derive(Clone, Debug)]
enum Edit {
    Delete(Index, usize),
    Insert(Index, String),
    Duplicate(Index, usize),
    Truncate(Index),
    Swap(Index, Index),
}

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            ",",
            ":",
            "\"",
            "'",
            "/",
            "*",
            "//",
            "/*",
            "-",
            ".",
            "e",
            "_",
            " ",
            "\n",
            "\\",
            "Some(",
            "None",
            "NaN",
            "inf",
            "-inf",
            "1e999",
            "Pert(",
            "low:",
            "format_version: 7,",
            "r#\"",
            "\u{0}",
            "é",
            "\u{feff}",
            "Model",
            "true",
            "99999999999999999999",
        ])
        .prop_map(str::to_owned),
        "[a-z_]{1,10}",
        any::<String>(),
        any::<f64>().prop_map(|x| x.to_string()),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<Index>(), 1..40_usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<Index>(), token()).prop_map(|(at, t)| Edit::Insert(at, t)),
        (any::<Index>(), 1..200_usize).prop_map(|(at, n)| Edit::Duplicate(at, n)),
        any::<Index>().prop_map(Edit::Truncate),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::Swap(a, b)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let len = chars.len().max(1);
        match e {
            Edit::Delete(at, n) => {
                let start = at.index(len).min(chars.len());
                let end = (start + n).min(chars.len());
                chars.drain(start..end);
            }
            Edit::Insert(at, t) => {
                let start = at.index(len + 1).min(chars.len());
                chars.splice(start..start, t.chars());
            }
            Edit::Duplicate(at, n) => {
                let start = at.index(len).min(chars.len());
                let end = (start + n).min(chars.len());
                let copy: Vec<char> = chars[start..end].to_vec();
                chars.splice(end..end, copy);
            }
            Edit::Truncate(at) => chars.truncate(at.index(len)),
            Edit::Swap(a, b) => {
                if !chars.is_empty() {
                    let (a, b) = (a.index(chars.len()), b.index(chars.len()));
                    chars.swap(a, b);
                }
            }
        }
    }
    chars.into_iter().collect()
}

/// Loads text; a model that loads and validates must also evaluate without panicking.
fn load_and_maybe_evaluate(text: &str) {
    if let Ok(m) = io::from_ron_str(text) {
        let problems = model::validate(&m);
        if !problems.has_errors() {
            let e = Evaluation::of_model(&m);
            assert_eq!(e.options.len(), m.options.len());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics_the_loader(text in any::<String>()) {
        load_and_maybe_evaluate(&text);
    }

    #[test]
    fn ron_like_token_soup_never_panics_the_loader(tokens in vec(token(), 0..80)) {
        load_and_maybe_evaluate(&format!("Model({})", tokens.concat()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn random_edits_of_the_example_file_never_panic_the_loader(edits in vec(edit(), 1..5)) {
        load_and_maybe_evaluate(&apply(EXAMPLE, &edits));
    }
}

// ---------------------------------------------------------------------------------------------
// The engine

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_tame_models_are_valid(m in model_strategy(false)) {
        // Guards the other engine properties: they must run on models a user could write.
        let problems = model::validate(&m);
        prop_assert!(!problems.has_errors(), "{:?}", problems);
    }

    #[test]
    fn cost_plus_savings_is_the_in_house_cost_every_month_for_every_option(m in model_strategy(false)) {
        let e = Evaluation::of_model(&m);
        let h = m.horizon_months as usize;
        prop_assert_eq!(e.in_house.cost.len(), h);
        for (i, o) in e.options.iter().enumerate() {
            prop_assert_eq!(o.cost.len(), h);
            for t in 0..h {
                let (c, s, ih) = (o.cost[t], o.savings[t], e.in_house.cost[t]);
                prop_assert!(c.is_finite() && s.is_finite(), "option {} month {}: cost {} savings {}", i, t, c, s);
                prop_assert!((c + s - ih).abs() <= 1e-9 * ih.abs().max(c.abs()).max(1.0),
                    "option {} month {}: {} + {} != {}", i, t, c, s, ih);
                // and the cost is the sum of its parts
                let parts = o.fees[t] + o.retained[t] + o.parallel[t] + o.hidden[t];
                prop_assert!((parts - c).abs() <= 1e-9 * c.abs().max(1.0), "option {} month {}: parts {} cost {}", i, t, parts, c);
            }
            let total: f64 = o.cost.iter().sum();
            prop_assert!((o.fixed_total + o.variable_total - total).abs() <= 1e-9 * total.abs().max(1.0));
        }
    }

    #[test]
    fn npv_is_linear_in_the_hidden_cost_multiplier(m in model_strategy(false), k in -3.0..5.0_f64) {
        let plan = Plan::new(&m);
        let values = plan.base_values();
        let rate = plan.discount_rate(&values);
        let mut p = Projection::default();
        let mut npv_at = |k: f64| -> Vec<f64> {
            p.run(&plan, &values, k);
            p.options.iter().map(|o| finance::npv(&o.savings, rate)).collect()
        };
        let (n0, n1, nk) = (npv_at(0.0), npv_at(1.0), npv_at(k));
        let e = Evaluation::of_model(&m);
        for o in 0..m.options.len() {
            let slope = n1[o] - n0[o];
            let scale = n0[o].abs().max(n1[o].abs()).max(1.0) * (1.0 + k.abs());
            prop_assert!((nk[o] - (n0[o] + k * slope)).abs() <= 1e-9 * scale,
                "option {}: npv({}) = {}, expected {} + {}·{}", o, k, nk[o], n0[o], k, slope);
            // npv(1) is the evaluation's NPV, and −slope is the PV of the hidden costs
            prop_assert!((n1[o] - e.options[o].npv).abs() <= 1e-9 * scale);
            // the hidden multiplier at break-even is the root of this line
            if let Some(kb) = e.options[o].hidden_multiplier_at_break_even {
                prop_assert!((n0[o] + kb * slope).abs() <= 1e-7 * scale, "option {}: npv({}) is not 0", o, kb);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The plan's numbering of the inputs

/// Input `i` of `plan` moved to a different valid value.
fn moved(plan: &Plan, values: &[f64], i: usize) -> f64 {
    plan.inputs[i].kind.clamp(values[i] * 0.77 + 0.013)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The plan numbers the inputs as `model::inputs` lists them: same paths, labels, ranges
    /// and estimates, slot `i` being input `i`.
    #[test]
    fn a_plans_inputs_are_the_models_inputs_in_order(m in model_strategy(false)) {
        let plan = Plan::new(&m);
        let listed = model::inputs::inputs(&m);
        prop_assert_eq!(plan.inputs.len(), listed.len());
        for (i, (input, info)) in plan.inputs.iter().zip(&listed).enumerate() {
            prop_assert_eq!(&plan.input_path(Slot(i)), &info.path);
            prop_assert_eq!(&plan.input_label(Slot(i)), &info.label);
            prop_assert_eq!(input.kind, info.kind);
            prop_assert_eq!(input.estimate, info.estimate);
            prop_assert_eq!(plan.slot_of(&info.path), Some(Slot(i)));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// And each slot drives the field its path names: moving slot `i` in the values evaluates
    /// like moving the input at path `i` in the model.
    #[test]
    fn each_plan_slot_drives_the_field_its_path_names(m in model_strategy(false)) {
        let plan = Plan::new(&m);
        let base = plan.base_values();
        for i in 0..base.len() {
            let mut values = base.clone();
            values[i] = moved(&plan, &base, i);
            let mut changed = m.clone();
            model::inputs::set_input(&mut changed, &plan.input_path(Slot(i)), Estimate::Fixed(values[i]))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            // Debug text: equal numbers print alike, NaN included.
            prop_assert_eq!(
                format!("{:?}", Evaluation::of_plan(&plan, &values)),
                format!("{:?}", Evaluation::of_model(&changed)),
                "slot {} ({})", i, plan.input_path(Slot(i))
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Monte Carlo

fn run(plan: &Plan, samples: usize, seed: u64, method: Method, threads: usize) -> SimulationResult {
    let settings = Settings { samples, seed, method, threads: Some(threads) };
    let mut r = simulate(plan, settings, &Control::default()).expect("the simulation runs");
    r.elapsed_ms = 0.0;
    r
}

fn check_ordered(r: &SimulationResult) -> Result<(), TestCaseError> {
    // Exactly one of the options or in-house is the cheapest in each draw.
    let cheapest: f64 = r.options.iter().map(|o| o.prob_cheapest).sum::<f64>() + r.in_house_cheapest;
    prop_assert!((cheapest - 1.0).abs() < 1e-9, "the cheapest shares sum to {}", cheapest);
    for o in &r.options {
        // Cheapest means saving money: never more often than not losing any.
        prop_assert!(o.prob_cheapest <= 1.0 - o.prob_loss + 1e-12, "{} cheapest more often than it saves", o.name);
        for s in [&o.npv, &o.savings_total] {
            let p = [s.p5, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95];
            prop_assert!(p.windows(2).all(|w| w[0] <= w[1]), "{}: percentiles out of order {:?}", o.name, p);
            prop_assert!(s.sd >= 0.0);
        }
        prop_assert!((0.0..=1.0).contains(&o.prob_loss));
        prop_assert_eq!(o.histogram.counts.len(), 40);
        prop_assert_eq!(o.histogram.edges.len(), 41);
        prop_assert_eq!(o.histogram.counts.iter().sum::<u64>(), r.samples as u64);
        let b = &o.cumulative_bands;
        for t in 0..b.p50.len() {
            prop_assert!(
                b.p10[t] <= b.p50[t] && b.p50[t] <= b.p90[t],
                "{} month {}: bands {} {} {}",
                o.name,
                t,
                b.p10[t],
                b.p50[t],
                b.p90[t]
            );
        }
    }
    Ok(())
}

fn method() -> impl Strategy<Value = Method> {
    prop_oneof![Just(Method::Random), Just(Method::LatinHypercube)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn monte_carlo_of_the_example_does_not_depend_on_the_number_of_threads(
        seed in any::<u64>(), samples in 1..1200_usize, method in method(),
    ) {
        let plan = Plan::new(&io::from_ron_str(EXAMPLE).expect("the example loads"));
        let one = run(&plan, samples, seed, method, 1);
        prop_assert_eq!(one.samples, samples);
        prop_assert_eq!(one.seed, seed);
        check_ordered(&one)?;
        prop_assert_eq!(&run(&plan, samples, seed, method, 2), &one);
        prop_assert_eq!(&run(&plan, samples, seed, method, 3), &one);
    }

    #[test]
    fn monte_carlo_of_generated_models_does_not_depend_on_the_number_of_threads(
        m in model_strategy(false), seed in any::<u64>(), samples in 1..700_usize, method in method(),
    ) {
        let plan = Plan::new(&m);
        let one = run(&plan, samples, seed, method, 1);
        check_ordered(&one)?;
        // Compare as JSON so that a NaN would compare equal to itself.
        let json = |r: &SimulationResult| serde_json::to_string(r).expect("serialises");
        prop_assert_eq!(json(&run(&plan, samples, seed, method, 2)), json(&one));
        prop_assert_eq!(json(&run(&plan, samples, seed, method, 3)), json(&one));
    }
}

#[test]
fn a_different_seed_gives_different_draws() {
    // Guards the thread test: identical results must not come from ignoring the seed.
    let plan = Plan::new(&io::from_ron_str(EXAMPLE).expect("the example loads"));
    for method in [Method::Random, Method::LatinHypercube] {
        let a = run(&plan, 300, 1, method, 1);
        let b = run(&plan, 300, 2, method, 1);
        assert_ne!(a.options[0].npv.mean, b.options[0].npv.mean, "{method:?}");
    }
}

#[test]
fn the_cheapest_option_is_judged_on_the_same_draws() {
    // Two vendors on one uncertain volume: A (price 1) beats B (price 1.5) in every draw, and both
    // beat in-house (2 per unit) whenever there is volume, so A is the cheapest in every draw.
    let text = r#"Model(format_version: 1, name: "cheapest", currency: "USD", horizon_months: 1, discount_rate: 0.0,
        workload: (unit: "u", monthly_volume: Uniform(low: 100.0, high: 1000.0)),
        in_house: (units_per_fte_month: 100.0, costs: [(name: "Postage", behavior: PerUnit, amount: 2.0)]),
        options: [
            (name: "B", shore: Onshore, pricing: PerUnit(price: 1.5)),
            (name: "A", shore: Offshore, pricing: PerUnit(price: 1.0)),
        ])"#;
    let plan = Plan::new(&io::from_ron_str(text).expect("loads"));
    let r = run(&plan, 500, 7, Method::Random, 1);
    assert_eq!((r.options[0].prob_cheapest, r.options[1].prob_cheapest, r.in_house_cheapest), (0.0, 1.0, 0.0));
    // Both save money in every draw: "cheapest" is not "saves money".
    assert_eq!((r.options[0].prob_loss, r.options[1].prob_loss), (0.0, 0.0));
    // Priced above in-house, neither is ever the cheapest.
    let dear = Plan::new(&io::from_ron_str(&text.replace("1.5", "2.5").replace("1.0)", "3.0)")).expect("loads"));
    assert_eq!(run(&dear, 200, 7, Method::Random, 1).in_house_cheapest, 1.0);
}

#[test]
fn latin_hypercube_puts_exactly_one_draw_in_each_stratum() {
    // With one uncertain input, Uniform(0, 1) volume scale: LHS draws of a linear NPV cover every
    // 1/n stratum once, so their mean is within 1/(2n) of the true mean — far tighter than random.
    let text = r#"Model(format_version: 1, name: "lhs", currency: "USD", horizon_months: 1, discount_rate: 0.0,
        workload: (unit: "u", monthly_volume: Uniform(low: 0.0, high: 1000.0)),
        in_house: (units_per_fte_month: 100.0, costs: [(name: "Postage", behavior: PerUnit, amount: 2.0)]),
        options: [(name: "V", shore: Onshore, pricing: PerUnit(price: 1.0))])"#;
    let plan = Plan::new(&io::from_ron_str(text).expect("loads"));
    let n = 200;
    let r = run(&plan, n, 9, Method::LatinHypercube, 2);
    // savings = (2 − 1)·V, discount 0: mean of V over strata ∈ 500 ± 1000/(2n)
    let mean = r.options[0].npv.mean;
    assert!((mean - 500.0).abs() <= 1000.0 / (2.0 * n as f64), "LHS mean {mean}");
    // the histogram of an evenly stratified uniform is nearly flat: 5 draws per bin, ±1
    assert!(r.options[0].histogram.counts.iter().all(|&c| (4..=6).contains(&c)), "{:?}", r.options[0].histogram.counts);
}
