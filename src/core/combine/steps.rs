//! The three steps of a merge: `plan` (what merging the files would do, no choices made),
//! `replan` (the plan again with the person's choices) and `apply` (the merged board, for
//! one undo step). Each merges the files in turn with `file::merge_file`.

use super::*;
/// What merging `incoming` into `board` would do, with no choices made.
pub fn plan(board: &Board, incoming: &[Incoming]) -> MergePlan {
    let mut inputs: Vec<Input> = incoming
        .iter()
        .map(|file| Input {
            name: file.name.clone(),
            board: match &file.read {
                Ok(loaded) => Ok(Rc::new(loaded.board.clone())),
                Err(error) => Err(Refusal::from(error)),
            },
        })
        .collect();
    inputs.sort_by(|a, b| a.name.cmp(&b.name));
    make(board, inputs, Choices::new()).expect("no choices, none unknown")
}

/// The plan again with the person's `choices`, to show what they change.
pub fn replan(
    board: &Board,
    plan: &MergePlan,
    choices: &Choices,
) -> Result<MergePlan, ChoiceError> {
    if *choices == plan.choices {
        return Ok(plan.clone());
    }
    make(board, plan.inputs.clone(), choices.clone())
}

/// Merges the plan's files into `board` with the person's `choices`.
pub fn apply(board: &Board, plan: &MergePlan, choices: &Choices) -> Result<Applied, ChoiceError> {
    // The plan already holds the board its choices lead to: most merges take it as it is.
    let applied = |plan: &MergePlan| Applied {
        board: plan.merged.clone(),
        description: describe(plan),
    };
    if *choices == plan.choices {
        return Ok(applied(plan));
    }
    Ok(applied(&make(board, plan.inputs.clone(), choices.clone())?))
}

impl MergePlan {
    /// The board the plan leads to with its choices.
    pub fn merged(&self) -> &Rc<Board> {
        &self.merged
    }

    /// The choices it was made with.
    pub fn choices(&self) -> &Choices {
        &self.choices
    }
}

/// `merge 2 files: a.json (3 new, 1 changed), b.json (nothing new)`; refused files are
/// left out: nothing came from them.
fn describe(plan: &MergePlan) -> String {
    let merged: Vec<String> = plan
        .files
        .iter()
        .filter_map(|file| {
            let counts = file.outcome.as_ref().ok()?.counts();
            let what = match (counts.new, counts.taken) {
                (0, 0) => "nothing new".to_string(),
                (new, 0) => format!("{new} new"),
                (0, changed) => format!("{changed} changed"),
                (new, changed) => format!("{new} new, {changed} changed"),
            };
            Some(format!("{} ({what})", file.name))
        })
        .collect();
    match merged.len() {
        0 => "merge nothing".into(),
        1 => format!("merge {}", merged[0]),
        n => format!("merge {n} files: {}", merged.join(", ")),
    }
}

/// Runs the merge of `inputs` with `choices`. A file whose merge breaks an invariant
/// (which the rules above should make impossible; this is the net under them) is found by
/// merging the files one more at a time, and refused.
fn make(board: &Board, mut inputs: Vec<Input>, choices: Choices) -> Result<MergePlan, ChoiceError> {
    check_choices(&inputs, &choices)?;
    loop {
        let (files, merged) = run(board, &inputs, &choices, inputs.len())?;
        let Some(problem) = validate::problems_since(board, &merged).into_iter().next() else {
            return Ok(MergePlan {
                files,
                inputs,
                choices,
                merged: Rc::new(merged),
            });
        };
        let culprit = (0..inputs.len())
            .filter(|&at| inputs[at].board.is_ok())
            .find(|&at| {
                run(board, &inputs, &choices, at + 1)
                    .map(|(_, merged)| !validate::problems_since(board, &merged).is_empty())
                    .unwrap_or(true)
            })
            .expect("the whole run broke the board, so some file did");
        inputs[culprit].board = Err(Refusal {
            path: problem.path.clone(),
            message: format!(
                "merging this file would break the board: {}",
                problem.message
            ),
        });
    }
}

/// Every choice names a readable file and an item of it.
fn check_choices(inputs: &[Input], choices: &Choices) -> Result<(), ChoiceError> {
    for choice in choices.iter() {
        let (Choice::Unmatch(item) | Choice::MatchTo(item, _) | Choice::Pick(item, _)) = &choice;
        let Some(Ok(board)) = inputs.get(item.file).map(|input| &input.board) else {
            return Err(ChoiceError(format!(
                "there is no file {} to merge",
                item.file + 1
            )));
        };
        let found = match item.kind {
            Kind::Team => board.teams.find(&item.id).is_some(),
            Kind::Person => board.people.find(&item.id).is_some(),
            Kind::Priority => board.priorities.find(&item.id).is_some(),
            Kind::Initiative => board.initiatives.find(&item.id).is_some(),
            Kind::CheckIn => board.check_ins.find(&item.id).is_some(),
            Kind::Dependency => board.dependencies.find(&item.id).is_some(),
            Kind::Decision => board.decisions.find(&item.id).is_some(),
            Kind::Review => board.reviews.find(&item.id).is_some(),
        };
        if !found {
            return Err(ChoiceError(format!(
                "file {} has no {} {}",
                item.file + 1,
                item.kind.label(),
                snapshot::quoted(&item.id)
            )));
        }
    }
    Ok(())
}

/// Merges the first `upto` inputs into `board`: the plan's files (all of them, those past
/// `upto` as they are) and the merged board.
fn run(
    board: &Board,
    inputs: &[Input],
    choices: &Choices,
    upto: usize,
) -> Result<(Vec<FilePlan>, Board), ChoiceError> {
    let mut pools = Pools::new(board);
    let mut files = Vec::with_capacity(inputs.len());
    for (at, input) in inputs.iter().enumerate() {
        let outcome = match &input.board {
            Err(refusal) => Err(refusal.clone()),
            Ok(_) if at >= upto => Err(Refusal {
                path: String::new(),
                message: "not merged".into(),
            }),
            Ok(file) => Ok(merge_file(&mut pools, board, at, file, choices)?),
        };
        files.push(FilePlan {
            name: input.name.clone(),
            outcome,
        });
    }
    pools.rerank();
    Ok((files, pools.build(board)))
}
