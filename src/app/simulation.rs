//! The background Monte Carlo runner: one worker thread per run, progress and Cancel, and the
//! rules that keep the window honest about which model a result belongs to.
//!
//! Each run is tagged with a [`RunKey`]: the document revision and scenario the plan was compiled
//! from, the simulation settings, and whether it is a quick preview. A result is accepted only
//! from the run that is current when it arrives; a result whose key no longer matches what the
//! window wants is kept only as "out of date" (never as current) until the new run lands.
//!
//! Policy, driven by [`SimulationRunner::tick`] once per frame:
//! - the wanted key changes (an edit, a scenario switch, new settings) → the running run is
//!   cancelled; a full run starts [`DEBOUNCE`] after the last change;
//! - while the user drags a widget that changes the model, a quick run of at most
//!   [`QUICK_SAMPLES`] draws starts at once, so the charts follow the drag; the full run follows
//!   when the drag ends;
//! - Cancel stops the run and nothing restarts until the model or the settings change, or the
//!   user asks to run again.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crate::engine::Plan;
use crate::engine::monte_carlo::{Control, Settings, SimulationError, SimulationResult, simulate};
use crate::model::{Method, Simulation};

/// Quiet time after the last edit before a full run starts.
pub const DEBOUNCE: Duration = Duration::from_millis(300);
/// Draws of a quick run while a drag is in progress.
pub const QUICK_SAMPLES: usize = 2_000;
/// How often the window repaints while a run is in progress (the progress bar).
const PROGRESS_REPAINT: Duration = Duration::from_millis(50);

/// What a run is of: the model revision, the scenario and the settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Want {
    /// Document revision the plan was compiled from.
    pub revision: u64,
    /// Scenario applied (`None` = the base model).
    pub scenario: Option<usize>,
    /// Samples, seed and method, as saved in the model.
    pub settings: Simulation,
}

/// The tag of one run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunKey {
    /// What the run is of.
    pub want: Want,
    /// True for a quick preview run during a drag.
    pub quick: bool,
}

impl RunKey {
    /// The engine settings of the run: the model's samples (capped for a quick run), seed and
    /// method, so a full run gives the same numbers as `shoreline simulate`.
    pub fn engine_settings(&self) -> Settings {
        let samples = self.want.settings.samples as usize;
        Settings {
            samples: if self.quick { samples.min(QUICK_SAMPLES) } else { samples },
            seed: self.want.settings.seed,
            method: self.want.settings.method,
            // Leave one core to the window so it keeps painting at full rate.
            threads: Some(worker_threads()),
        }
    }
}

fn worker_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1).max(1))
}

/// A finished run.
#[derive(Clone, Debug)]
pub struct Finished {
    /// What it was of.
    pub key: RunKey,
    /// Its results.
    pub result: Arc<SimulationResult>,
}

/// What the runner is doing, for the window.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Nothing to do: the latest result is current, or there is nothing to simulate.
    Idle,
    /// An edit happened; a run starts when the edits pause.
    Waiting,
    /// A run is in progress.
    Running {
        /// Draws done.
        done: usize,
        /// Draws in the run.
        total: usize,
        /// True for a quick preview.
        quick: bool,
    },
    /// The user cancelled; nothing restarts until something changes.
    Cancelled,
    /// The engine refused the run.
    Failed(String),
}

struct Running {
    id: u64,
    key: RunKey,
    control: Arc<Control>,
    total: usize,
}

type Message = (u64, Result<SimulationResult, SimulationError>);

/// Runs simulations on a background thread and keeps the latest result.
pub struct SimulationRunner {
    running: Option<Running>,
    latest: Option<Finished>,
    /// The last wanted key and when it last changed (for the debounce).
    want: Option<(Want, Instant)>,
    /// A key the user cancelled or the engine refused: not retried automatically.
    halted: Option<(Want, Status)>,
    /// "Run again" was pressed.
    forced: bool,
    next_id: u64,
    sender: Sender<Message>,
    receiver: Receiver<Message>,
}

impl Default for SimulationRunner {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self { running: None, latest: None, want: None, halted: None, forced: false, next_id: 0, sender, receiver }
    }
}

impl Drop for SimulationRunner {
    fn drop(&mut self) {
        // The worker notices within one block of draws and its result goes nowhere.
        if let Some(running) = &self.running {
            running.control.cancel();
        }
    }
}

impl SimulationRunner {
    /// Advances the runner: collects a finished run, cancels an outdated one, starts the run the
    /// window wants when it is due. `want` is `None` when there is nothing valid to simulate.
    /// Returns when to call again (a progress repaint or the end of the debounce).
    pub fn tick(
        &mut self,
        now: Instant,
        want: Option<(Want, &Plan)>,
        dragging: bool,
        waker: &Arc<dyn Fn() + Send + Sync>,
    ) -> Option<Duration> {
        self.collect();
        let (want, plan) = want?;
        let since = match self.want {
            Some((w, since)) if w == want => since,
            previous => {
                // The first wanted key runs at once; later changes wait for a pause.
                self.forced |= previous.is_none();
                self.want = Some((want, now));
                now
            }
        };
        if self.halted.as_ref().is_some_and(|(w, _)| *w != want) {
            self.halted = None;
        }
        let Some(target) = self.target(want, dragging) else {
            return self.running.as_ref().map(|_| PROGRESS_REPAINT);
        };
        let due = since + DEBOUNCE;
        let start_now = target.quick || self.forced || now >= due;
        if let Some(running) = &self.running {
            // A run of the same model goes on: a full one always (it is what a drag would
            // preview), a quick one until the full run may start.
            let same_model = running.key.want == want && (!running.key.quick || !start_now);
            if running.key == target || same_model {
                // "Run again" during a full run of the same model is that run.
                self.forced &= running.key.quick || running.key.want != want;
                return Some(PROGRESS_REPAINT);
            }
            // Outdated: stop it now, whether or not its replacement may start yet.
            running.control.cancel();
            self.running = None;
        }
        if start_now {
            self.forced = false;
            self.start(target, plan, waker);
            Some(PROGRESS_REPAINT)
        } else {
            Some(due.saturating_duration_since(now))
        }
    }

    /// The run the window should have for `want`, or `None` when the latest result will do.
    fn target(&self, want: Want, dragging: bool) -> Option<RunKey> {
        let full = RunKey { want, quick: false };
        let quick = RunKey { want, quick: true };
        if self.forced {
            return Some(full);
        }
        if self.halted.is_some() || self.latest.as_ref().is_some_and(|f| f.key == full) {
            return None;
        }
        if dragging {
            let have_quick = self.latest.as_ref().is_some_and(|f| f.key == quick);
            return (!have_quick).then_some(quick);
        }
        Some(full)
    }

    fn start(&mut self, key: RunKey, plan: &Plan, waker: &Arc<dyn Fn() + Send + Sync>) {
        let settings = key.engine_settings();
        let control = Arc::new(Control::default());
        let id = self.next_id;
        self.next_id += 1;
        let (plan, worker_control, sender, wake) = (plan.clone(), control.clone(), self.sender.clone(), waker.clone());
        let spawned = std::thread::Builder::new().name("shoreline-monte-carlo".into()).spawn(move || {
            let result = simulate(&plan, settings, &worker_control);
            // The window may have closed: then nobody listens, which is fine.
            let _ = sender.send((id, result));
            wake();
        });
        match spawned {
            Ok(_) => self.running = Some(Running { id, key, control, total: settings.samples }),
            Err(e) => self.halted = Some((key.want, Status::Failed(format!("Cannot start the simulation: {e}")))),
        }
    }

    /// Takes the messages of finished runs; only the current run's message counts.
    fn collect(&mut self) {
        while let Ok((id, result)) = self.receiver.try_recv() {
            let Some(running) = self.running.take_if(|r| r.id == id) else {
                continue; // A cancelled or replaced run: its numbers are of another model.
            };
            match result {
                Ok(result) => self.latest = Some(Finished { key: running.key, result: Arc::new(result) }),
                Err(SimulationError::Cancelled) => {}
                Err(e) => self.halted = Some((running.key.want, Status::Failed(e.to_string()))),
            }
        }
    }

    /// Stops the run in progress; nothing restarts until the model or settings change.
    pub fn cancel(&mut self) {
        if let Some(running) = self.running.take() {
            running.control.cancel();
            self.halted = Some((running.key.want, Status::Cancelled));
        }
    }

    /// Runs the full simulation again at the next tick, even when the latest result is current.
    pub fn run_again(&mut self) {
        self.halted = None;
        self.forced = true;
    }

    /// What the runner is doing.
    pub fn status(&self) -> Status {
        if let Some(r) = &self.running {
            return Status::Running { done: r.control.done().min(r.total), total: r.total, quick: r.key.quick };
        }
        if let Some((_, status)) = &self.halted {
            return status.clone();
        }
        let current = self.want.is_some_and(|(w, _)| self.latest.as_ref().is_some_and(|f| f.key.want == w));
        let settled = current && self.latest.as_ref().is_some_and(|f| !f.key.quick);
        if settled || self.want.is_none() { Status::Idle } else { Status::Waiting }
    }

    /// The latest finished run, current or not; see [`Self::is_current`].
    pub fn latest(&self) -> Option<&Finished> {
        self.latest.as_ref()
    }

    /// True when the latest result is of the model and settings the window shows now (a quick
    /// preview of them counts: it is labelled as such).
    pub fn is_current(&self) -> bool {
        match (&self.latest, self.want) {
            (Some(f), Some((w, _))) => f.key.want == w,
            _ => false,
        }
    }

    /// The latest result if it is current, else `None`: what tests and exports should read.
    pub fn current(&self) -> Option<&Finished> {
        self.latest.as_ref().filter(|_| self.is_current())
    }
}

/// "Latin hypercube" or "random", as the window names the methods.
pub fn method_label(method: Method) -> &'static str {
    match method {
        Method::Random => "Random",
        Method::LatinHypercube => "Latin hypercube",
    }
}

#[cfg(test)]
#[path = "simulation_tests.rs"]
mod tests;
