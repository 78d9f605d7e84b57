//! Every chart described once, as data: series, axes with their units, markers and notes, built
//! from the results. Nothing here knows egui. The window draws a [`Chart`] with egui_plot
//! (`ui::charts::render`), [`svg`] writes it as an SVG image, [`png`] renders that SVG, and the
//! report (`export::report`) places it in a page: one description, every output.

pub mod build;
pub mod png;
pub mod svg;
pub mod ticks;

use crate::palette::Rgb;

/// Which chart: its name on the command line (`shoreline chart --chart NAME`) and its title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChartKind {
    /// Monthly cost: in-house against every option, the focused option's cost stacked by part.
    MonthlyCost,
    /// Cumulative savings, with each option's payback month.
    Cumulative,
    /// Monthly cost against monthly volume: in-house staff steps and each option's break-even.
    Volume,
    /// Onshore, nearshore and offshore side by side.
    Locations,
    /// Fixed, step-fixed and variable cost of in-house and each option.
    FixedVariable,
    /// Cost per productive FTE-month by plan year.
    RateCard,
    /// Tornado: the NPV at each uncertain input's P10 and P90.
    Tornado,
    /// Spider: the NPV as each input moves through its range.
    Spider,
    /// Headroom: the NPV as every hidden cost grows.
    Headroom,
    /// Monte Carlo: histogram of the NPV over the draws.
    McHistogram,
    /// Monte Carlo: fan of cumulative savings (P10–P90 band and median).
    McFan,
    /// Scenario comparison: each scenario's savings and NPV.
    Scenarios,
}

impl ChartKind {
    /// Every chart, in the order the window and the report show them.
    pub const ALL: [Self; 12] = [
        Self::MonthlyCost,
        Self::Cumulative,
        Self::Volume,
        Self::Locations,
        Self::FixedVariable,
        Self::RateCard,
        Self::Tornado,
        Self::Spider,
        Self::Headroom,
        Self::McHistogram,
        Self::McFan,
        Self::Scenarios,
    ];

    /// The name `shoreline chart --chart` takes.
    pub fn name(self) -> &'static str {
        match self {
            Self::MonthlyCost => "monthly-cost",
            Self::Cumulative => "cumulative-savings",
            Self::Volume => "cost-vs-volume",
            Self::Locations => "locations",
            Self::FixedVariable => "fixed-variable",
            Self::RateCard => "rate-card",
            Self::Tornado => "tornado",
            Self::Spider => "spider",
            Self::Headroom => "hidden-cost-headroom",
            Self::McHistogram => "npv-histogram",
            Self::McFan => "savings-fan",
            Self::Scenarios => "scenarios",
        }
    }

    /// The chart named `name` (as [`ChartKind::name`] spells it, any case).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The chart's title, as its heading reads in the window.
    pub fn title(self) -> &'static str {
        match self {
            Self::MonthlyCost => "Monthly cost",
            Self::Cumulative => "Cumulative savings",
            Self::Volume => "Cost against volume",
            Self::Locations => "Locations",
            Self::FixedVariable => "Fixed and variable cost",
            Self::RateCard => "Rate card",
            Self::Tornado => "Tornado",
            Self::Spider => "Spider",
            Self::Headroom => "Hidden-cost headroom",
            Self::McHistogram => "Monte Carlo: NPV histogram",
            Self::McFan => "Monte Carlo: savings fan",
            Self::Scenarios => "Scenario comparison",
        }
    }

    /// What the chart shows, in a line (`shoreline chart --list`).
    pub fn describe(self) -> &'static str {
        match self {
            Self::MonthlyCost => "monthly cost of in-house and every option; the option's cost by part",
            Self::Cumulative => "cumulative savings of every option, with payback months",
            Self::Volume => "monthly cost against monthly volume, with break-even volumes",
            Self::Locations => "onshore, nearshore and offshore side by side",
            Self::FixedVariable => "fixed, step-fixed and variable cost",
            Self::RateCard => "cost per productive FTE-month by plan year",
            Self::Tornado => "the NPV at each uncertain input's P10 and P90 (one option)",
            Self::Spider => "the NPV as each input moves through its range (one option)",
            Self::Headroom => "the NPV as every hidden cost grows (one option)",
            Self::McHistogram => "Monte Carlo: distribution of the NPV (one option)",
            Self::McFan => "Monte Carlo: P10-P90 band of cumulative savings (one option)",
            Self::Scenarios => "savings and NPV of every scenario",
        }
    }
}

/// A chart: what it is, its axes, its data and what it says beside the data.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Which chart this is.
    pub kind: ChartKind,
    /// The heading ("Cumulative savings").
    pub title: String,
    /// One or two sentences saying how to read it.
    pub caption: String,
    /// The horizontal axis.
    pub x: Axis,
    /// The vertical axis.
    pub y: Axis,
    /// The data, drawn in this order (the last on top).
    pub series: Vec<Series>,
    /// Reference lines across the plot (zero, payback months, break-even volumes, P10/P50/P90).
    pub markers: Vec<Marker>,
    /// Sentences under the chart ("No payback within the horizon: US partner.").
    pub notes: Vec<Note>,
}

/// An axis: its label and how its values read.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// The axis title ("USD per month").
    pub label: String,
    /// How tick values are written.
    pub scale: Scale,
    /// Values the axis must reach even where no data does (0, headroom for a legend).
    pub include: Vec<f64>,
}

impl Axis {
    /// An axis with a label and a scale that reaches no value beyond the data.
    pub fn new(label: impl Into<String>, scale: Scale) -> Self {
        Self { label: label.into(), scale, include: Vec::new() }
    }

    /// The axis, made to reach `value` too.
    pub fn including(mut self, value: f64) -> Self {
        self.include.push(value);
        self
    }
}

/// How the values of an axis read.
#[derive(Clone, Debug, PartialEq)]
pub enum Scale {
    /// Months of the horizon: month `t` (counted from 0) is drawn at `x = t + 1`, the end of the
    /// month, so that a payback of k months sits at `x = k`.
    Month,
    /// Money in the model's currency ("USD 1.2 M").
    Money {
        /// The currency code.
        currency: String,
    },
    /// A percentage, the values already in percent: 12.5 is written "12.5 %"; signed changes
    /// ("-20 %", "+30 %") when `signed`.
    Percent {
        /// Write a sign before every value but zero.
        signed: bool,
    },
    /// A count or quantity of `unit` ("contacts"); empty for a plain number.
    Number {
        /// The unit, plural.
        unit: String,
    },
    /// A multiplier ("1.5×").
    Factor,
    /// Named positions: category `i` is drawn at `i` (bars of a tornado, scenarios, locations).
    Categories(Vec<String>),
}

/// One series of data with its legend entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The legend entry; empty for none.
    pub name: String,
    /// Its colour, from [`crate::palette`].
    pub color: Rgb,
    /// How strongly it is drawn.
    pub emphasis: Emphasis,
    /// The data and how it is drawn.
    pub shape: Shape,
}

/// How strongly a series is drawn: the option in focus stands out, the others step back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    /// The option in focus: a thick line, filled to zero where it is a line.
    Focused,
    /// An ordinary series.
    Normal,
    /// A series in the background (options not in focus).
    Muted,
}

/// The data of a series and how it is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A polyline through the points, in order.
    Line {
        /// `[x, y]` points.
        points: Vec<[f64; 2]>,
        /// Dashed rather than solid.
        dashed: bool,
    },
    /// A step line: each value holds from its `x` until the next point's.
    Steps {
        /// `[x, y]` points.
        points: Vec<[f64; 2]>,
    },
    /// Bars (stacked bars are bars whose `from` is the top of the bar below).
    Bars {
        /// The bars.
        bars: Vec<Bar>,
        /// Bars run along x from a category or value on y (a tornado) rather than upward.
        horizontal: bool,
    },
    /// A band between two curves over the same `x` (a P10-P90 fan).
    Band {
        /// Positions along x.
        x: Vec<f64>,
        /// The lower edge at each x.
        low: Vec<f64>,
        /// The upper edge at each x.
        high: Vec<f64>,
    },
    /// Separate points (a scatter).
    Points {
        /// `[x, y]` points.
        points: Vec<[f64; 2]>,
    },
}

/// One bar: at a position along its base axis, from one value to another.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    /// The centre of the bar on the base axis (x for upright bars, y for horizontal ones).
    pub at: f64,
    /// Where the bar starts on the value axis (0, or the top of the bar below it).
    pub from: f64,
    /// Where the bar ends on the value axis.
    pub to: f64,
    /// Its width in units of the base axis.
    pub width: f64,
}

/// A reference line across the plot with its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Which axis the value is on: `X` draws a vertical line at `x = at`.
    pub axis: MarkerAxis,
    /// The value.
    pub at: f64,
    /// The label written beside the line; empty for none.
    pub label: String,
    /// Its colour; `None` for the neutral reference colour (zero lines, today's volume).
    pub color: Option<Rgb>,
    /// Dashed rather than solid.
    pub dashed: bool,
}

/// Which axis a marker's value is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerAxis {
    /// A vertical line at an x value.
    X,
    /// A horizontal line at a y value.
    Y,
}

/// A sentence written under a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// The sentence.
    pub text: String,
    /// Its tone, which sets its colour.
    pub tone: Tone,
}

/// The tone of a note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Plain text.
    Plain,
    /// Bad news (no payback, a likely loss).
    Bad,
    /// Calls for care.
    Caution,
}

impl Series {
    /// Every `[x, y]` point the series reaches (bars by both ends, bands by both edges), for the
    /// plot's range.
    pub fn extent_points(&self) -> Vec<[f64; 2]> {
        match &self.shape {
            Shape::Line { points, .. } | Shape::Steps { points } | Shape::Points { points } => points.clone(),
            Shape::Bars { bars, horizontal } => bars
                .iter()
                .flat_map(|b| {
                    let (lo, hi) = (b.at - b.width / 2.0, b.at + b.width / 2.0);
                    let ends = [[lo, b.from], [hi, b.to]];
                    ends.map(|[a, v]| if *horizontal { [v, a] } else { [a, v] })
                })
                .collect(),
            Shape::Band { x, low, high } => {
                x.iter().zip(low).map(|(&x, &y)| [x, y]).chain(x.iter().zip(high).map(|(&x, &y)| [x, y])).collect()
            }
        }
    }
}

impl Chart {
    /// The range of x and of y the plot must show: every finite data point, every marker on the
    /// axis, and every value the axis must include. A range with no extent is widened by one
    /// (or by a tenth of its value), so that a flat series still has an axis.
    pub fn bounds(&self) -> ([f64; 2], [f64; 2]) {
        let mut x = Range::default();
        let mut y = Range::default();
        for s in &self.series {
            for [px, py] in s.extent_points() {
                x.add(px);
                y.add(py);
            }
        }
        for m in &self.markers {
            match m.axis {
                MarkerAxis::X => x.add(m.at),
                MarkerAxis::Y => y.add(m.at),
            }
        }
        self.x.include.iter().for_each(|&v| x.add(v));
        self.y.include.iter().for_each(|&v| y.add(v));
        if let Scale::Categories(names) = &self.x.scale {
            x.add(-0.5);
            x.add(names.len() as f64 - 0.5);
        }
        if let Scale::Categories(names) = &self.y.scale {
            y.add(-0.5);
            y.add(names.len() as f64 - 0.5);
        }
        (x.finish(), y.finish())
    }

    /// The series that have a legend entry.
    pub fn legend(&self) -> impl Iterator<Item = &Series> {
        self.series.iter().filter(|s| !s.name.is_empty())
    }
}

/// A range grown one value at a time; non-finite values are left out.
#[derive(Default)]
struct Range {
    lo: Option<f64>,
    hi: Option<f64>,
}

impl Range {
    fn add(&mut self, v: f64) {
        if v.is_finite() {
            self.lo = Some(self.lo.map_or(v, |lo| lo.min(v)));
            self.hi = Some(self.hi.map_or(v, |hi| hi.max(v)));
        }
    }

    fn finish(self) -> [f64; 2] {
        match (self.lo, self.hi) {
            (Some(lo), Some(hi)) if hi > lo => [lo, hi],
            (Some(v), Some(_)) => {
                let pad = if v == 0.0 { 1.0 } else { v.abs() / 10.0 };
                [v - pad, v + pad]
            }
            _ => [0.0, 1.0],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(series: Vec<Series>) -> Chart {
        Chart {
            kind: ChartKind::Cumulative,
            title: "t".into(),
            caption: String::new(),
            x: Axis::new("Month", Scale::Month).including(0.0),
            y: Axis::new("USD", Scale::Money { currency: "USD".into() }),
            series,
            markers: vec![Marker { axis: MarkerAxis::Y, at: -5.0, label: String::new(), color: None, dashed: false }],
            notes: Vec::new(),
        }
    }

    #[test]
    fn every_chart_has_a_distinct_name_that_finds_it_again() {
        for kind in ChartKind::ALL {
            assert_eq!(ChartKind::from_name(kind.name()), Some(kind));
            assert_eq!(ChartKind::from_name(&kind.name().to_uppercase()), Some(kind));
        }
        assert_eq!(ChartKind::from_name("pie"), None);
    }

    #[test]
    fn bounds_reach_the_data_the_markers_and_the_included_values() {
        let line = Series {
            name: "A".into(),
            color: crate::palette::option(0),
            emphasis: Emphasis::Normal,
            shape: Shape::Line { points: vec![[1.0, 2.0], [3.0, f64::NAN], [4.0, 10.0]], dashed: false },
        };
        let (x, y) = chart(vec![line]).bounds();
        assert_eq!(x, [0.0, 4.0]);
        assert_eq!(y, [-5.0, 10.0]);
    }

    #[test]
    fn horizontal_bars_reach_their_values_along_x() {
        let bars = Series {
            name: String::new(),
            color: crate::palette::LOW,
            emphasis: Emphasis::Normal,
            shape: Shape::Bars { bars: vec![Bar { at: 0.0, from: 100.0, to: 40.0, width: 0.6 }], horizontal: true },
        };
        let (x, y) = chart(vec![bars]).bounds();
        assert_eq!(x, [0.0, 100.0]);
        assert_eq!(y, [-5.0, 0.3]);
    }

    #[test]
    fn an_empty_or_flat_chart_still_has_a_range() {
        let mut empty = chart(Vec::new());
        empty.markers.clear();
        empty.x.include.clear();
        assert_eq!(empty.bounds(), ([0.0, 1.0], [0.0, 1.0]));
    }
}
