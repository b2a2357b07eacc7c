//! What an initiative's form holds while it is open, and how it follows the initiative
//! when another tab changes it meanwhile.

use crate::core::model::{Initiative, Risk, Status};

#[derive(Clone, PartialEq)]
pub(super) struct Draft {
    pub(super) title: String,
    pub(super) description: String,
    pub(super) team_id: String,
    pub(super) owner_id: String,
    pub(super) priority_ids: Vec<String>,
    pub(super) effort: String,
    pub(super) status: Status,
    pub(super) progress: String,
    pub(super) confidence: String,
    pub(super) due: String,
    pub(super) risks: Vec<Risk>,
    /// What the progress field held before Done filled in 100 (`progress_on_status`).
    pub(super) progress_before_done: Option<String>,
}

impl Draft {
    pub(super) fn of(initiative: &Initiative) -> Draft {
        Draft {
            title: initiative.title.clone(),
            description: initiative.description.clone(),
            team_id: initiative.team_id.clone(),
            owner_id: initiative.owner_id.clone().unwrap_or_default(),
            priority_ids: initiative.priority_ids.clone(),
            effort: initiative.effort.to_string(),
            status: initiative.status,
            progress: initiative.progress.to_string(),
            confidence: initiative
                .confidence
                .map(|c| c.to_string())
                .unwrap_or_default(),
            due: initiative.due.map(|d| d.to_string()).unwrap_or_default(),
            risks: initiative.risks.clone(),
            progress_before_done: None,
        }
    }

    /// What the person changed since the form opened (`opened`), over the initiative as it
    /// is now (`now`, changed in another tab meanwhile): each field left as it opened takes
    /// its value now, so saving the form keeps a status or a title changed elsewhere.
    pub(super) fn rebase(&self, opened: &Draft, now: &Draft) -> Draft {
        fn pick<T: PartialEq + Clone>(mine: &T, opened: &T, now: &T) -> T {
            if mine == opened { now } else { mine }.clone()
        }
        Draft {
            title: pick(&self.title, &opened.title, &now.title),
            description: pick(&self.description, &opened.description, &now.description),
            team_id: pick(&self.team_id, &opened.team_id, &now.team_id),
            owner_id: pick(&self.owner_id, &opened.owner_id, &now.owner_id),
            priority_ids: pick(&self.priority_ids, &opened.priority_ids, &now.priority_ids),
            effort: pick(&self.effort, &opened.effort, &now.effort),
            status: pick(&self.status, &opened.status, &now.status),
            progress: pick(&self.progress, &opened.progress, &now.progress),
            confidence: pick(&self.confidence, &opened.confidence, &now.confidence),
            due: pick(&self.due, &opened.due, &now.due),
            risks: pick(&self.risks, &opened.risks, &now.risks),
            progress_before_done: self.progress_before_done.clone(),
        }
    }
}
