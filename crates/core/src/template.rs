//! Built-in meeting templates: reusable meeting shapes that ship with goalmeet.
//!
//! Each template carries a default purpose, duration, roles, an optional
//! suggested recurrence and an agenda whose timeboxes add up exactly to the
//! template's duration. Any meeting can later be saved as a custom template;
//! these are the ones available out of the box.

use crate::agenda::AgendaKind;

/// One agenda item of a template.
#[derive(Debug, Clone, Copy)]
pub struct TemplateItem {
    pub title: &'static str,
    pub kind: AgendaKind,
    pub timebox_minutes: i64,
    /// How to run this section, in one to three sentences, addressed to the facilitator.
    pub notes: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub struct BuiltinTemplate {
    /// Stable identifier used in URLs and the API, kebab-case, e.g. "weekly-leadership".
    pub key: &'static str,
    pub name: &'static str,
    /// One sentence: when to use it.
    pub description: &'static str,
    /// The default purpose / desired outcome of a meeting made from it.
    pub purpose: &'static str,
    pub duration_minutes: i64,
    /// Meeting roles to fill: any of "facilitator", "note-taker", "timekeeper".
    pub roles: &'static [&'static str],
    /// A suggested recurrence as an RRULE (without DTSTART), or None for one-off meetings.
    pub suggested_rrule: Option<&'static str>,
    pub items: &'static [TemplateItem],
}

const FACILITATOR_ONLY: &[&str] = &["facilitator"];
const FACILITATOR_NOTES: &[&str] = &["facilitator", "note-taker"];
const ALL_ROLES: &[&str] = &["facilitator", "note-taker", "timekeeper"];

const fn item(
    title: &'static str,
    kind: AgendaKind,
    timebox_minutes: i64,
    notes: &'static str,
) -> TemplateItem {
    TemplateItem {
        title,
        kind,
        timebox_minutes,
        notes,
    }
}

const DAILY_STANDUP_ITEMS: &[TemplateItem] = &[
    item(
        "Sprint goal check",
        AgendaKind::Update,
        2,
        "Put the sprint goal and the sprint board on screen. Ask in one sentence whether the team is still on track to reach the goal by the end of the sprint.",
    ),
    item(
        "Round: progress, plan, blockers",
        AgendaKind::Update,
        10,
        "Go around the team once; each person says what moved the sprint goal forward since yesterday, what they will do next and what is blocking them. Keep each turn under a minute and park any discussion for after the stand-up.",
    ),
    item(
        "Impediments and follow-ups",
        AgendaKind::Discussion,
        3,
        "Record every blocker raised as an impediment with an owner. Agree who stays behind to solve which parked topic, then end the stand-up on time.",
    ),
];

const SPRINT_PLANNING_ITEMS: &[TemplateItem] = &[
    item(
        "Check-in",
        AgendaKind::CheckIn,
        5,
        "Welcome everyone and confirm the sprint dates. Ask each person for a one-word mood to open the session.",
    ),
    item(
        "Product goal and context",
        AgendaKind::Information,
        10,
        "Ask the Product Owner to restate the product goal and the goals this sprint should serve. Share what changed since the last sprint review, including stakeholder feedback.",
    ),
    item(
        "Team capacity",
        AgendaKind::Update,
        10,
        "Collect holidays, on-call duty and other commitments for the sprint. Agree the capacity the team will plan against, using recent velocity as a sanity check rather than a target.",
    ),
    item(
        "Draft the sprint goal",
        AgendaKind::Decision,
        15,
        "Have the Product Owner propose a sprint goal and let the team challenge it until it is a single, testable outcome. Link it to the goal it serves and write it down.",
    ),
    item(
        "Select backlog items for the goal",
        AgendaKind::Discussion,
        35,
        "Walk the ranked backlog from the top and pull in only items that serve the sprint goal or its linked goals. Stop when the forecast reaches the agreed capacity and note which items are stretch.",
    ),
    item(
        "Break selected items into tasks",
        AgendaKind::Discussion,
        35,
        "Let the developers split each selected item into tasks of a day or less and surface unknowns. If the breakdown reveals more work than expected, go back and renegotiate scope with the Product Owner.",
    ),
    item(
        "Commitment",
        AgendaKind::Decision,
        10,
        "Read back the sprint goal and the selected items. Ask each developer whether they can commit to the goal; resolve any doubt before closing and record the decision.",
    ),
];

const BACKLOG_REFINEMENT_ITEMS: &[TemplateItem] = &[
    item(
        "Goals and upcoming priorities",
        AgendaKind::Information,
        5,
        "Ask the Product Owner which goals the next one or two sprints will likely serve. This frames which part of the backlog deserves attention today.",
    ),
    item(
        "Triage new items",
        AgendaKind::Discussion,
        10,
        "Review items added since the last session. Decide for each whether to keep, merge or drop it, and link kept items to a goal.",
    ),
    item(
        "Clarify top-ranked items",
        AgendaKind::Discussion,
        20,
        "Take the highest-ranked items that are not yet ready and make sure everyone understands the problem, the value and the acceptance criteria. Capture open questions with an owner instead of guessing.",
    ),
    item(
        "Split oversized items",
        AgendaKind::Discussion,
        10,
        "Break any item too large to finish within a sprint into thin, valuable slices. Keep each slice independently demonstrable.",
    ),
    item(
        "Estimate",
        AgendaKind::Decision,
        10,
        "Have the developers estimate the clarified items together and discuss large spreads before re-voting. Record the agreed estimates.",
    ),
    item(
        "Confirm ranking and ready items",
        AgendaKind::Decision,
        5,
        "Let the Product Owner confirm the rank order after what was learned today. Mark the items that now meet the definition of ready for the next sprint planning.",
    ),
];

const SPRINT_REVIEW_ITEMS: &[TemplateItem] = &[
    item(
        "Welcome and sprint goal recap",
        AgendaKind::Information,
        5,
        "Welcome the stakeholders and restate the sprint goal. Say plainly whether it was reached and which items were not done.",
    ),
    item(
        "Demo of completed work",
        AgendaKind::Information,
        25,
        "Have the people who built each increment show it working, not slides. Show only work that meets the definition of done and tie each piece back to the goal it serves.",
    ),
    item(
        "Stakeholder feedback",
        AgendaKind::Discussion,
        15,
        "Invite stakeholders to react, ask questions and suggest changes. Capture every suggestion as a backlog item or a note rather than debating it at length.",
    ),
    item(
        "Progress toward the product goal",
        AgendaKind::Update,
        5,
        "Share the relevant metrics, release status and how far the product goal has moved. Flag any goal that has not advanced for several sprints.",
    ),
    item(
        "What's next: backlog adjustments",
        AgendaKind::Decision,
        10,
        "Ask the Product Owner to propose changes to the backlog order based on the feedback. Agree the likely focus of the next sprint and record any decisions made.",
    ),
];

const SPRINT_RETROSPECTIVE_ITEMS: &[TemplateItem] = &[
    item(
        "Set the stage",
        AgendaKind::CheckIn,
        5,
        "Remind everyone that the goal is to improve how the team works, not to blame anyone. Run a quick check-in, such as rating the sprint from 1 to 5.",
    ),
    item(
        "What went well",
        AgendaKind::Discussion,
        10,
        "Give everyone a few minutes to write cards silently, then read them out and group similar ones. Celebrate what should be kept.",
    ),
    item(
        "What to improve",
        AgendaKind::Discussion,
        10,
        "Collect cards on what got in the way, silently first and then read aloud. Cluster duplicates and keep the focus on facts and patterns, not people.",
    ),
    item(
        "Ideas",
        AgendaKind::Discussion,
        10,
        "Ask for concrete experiments that would address the improvement themes. Encourage small changes the team can try within one sprint.",
    ),
    item(
        "Vote",
        AgendaKind::Decision,
        5,
        "Give each person three votes to spread across the ideas and themes. Sort by votes and pick the top one to three to act on.",
    ),
    item(
        "Improvement actions",
        AgendaKind::Decision,
        15,
        "Turn each chosen item into an improvement action item with an owner and a due date, ideally before the next retrospective. Make each one specific enough that the team can tell whether it happened.",
    ),
    item(
        "Close",
        AgendaKind::CheckIn,
        5,
        "Recap the improvement actions and thank the team. Ask everyone to rate the retrospective so the format itself can improve.",
    ),
];

const PO_SM_SYNC_ITEMS: &[TemplateItem] = &[
    item(
        "Sprint progress and goal health",
        AgendaKind::Update,
        5,
        "Look at the sprint board together and agree whether the sprint goal is at risk. Note anything the team should hear about before the next stand-up.",
    ),
    item(
        "Impediments",
        AgendaKind::Discussion,
        10,
        "Walk the open impediments, oldest first, and decide who will remove each one and by when. Escalate anything the team cannot solve on its own.",
    ),
    item(
        "Backlog readiness",
        AgendaKind::Discussion,
        10,
        "Check whether enough items are ready for the next sprint planning. Plan the refinement topics and which stakeholders must be involved.",
    ),
    item(
        "Stakeholders, team health and agreements",
        AgendaKind::Decision,
        5,
        "Share stakeholder requests and any signals about team health. Confirm who does what before next week and record it as action items.",
    ),
];

const WEEKLY_LEADERSHIP_ITEMS: &[TemplateItem] = &[
    item(
        "Check-in: good news",
        AgendaKind::CheckIn,
        5,
        "Ask each person to share one piece of personal and one piece of professional good news. Keep it brisk; it sets a positive tone for the hard topics later.",
    ),
    item(
        "Metrics / scorecard review",
        AgendaKind::Update,
        5,
        "Have each owner report their weekly numbers as simply on or off target. Do not discuss here; drop every off-target number onto the issues list.",
    ),
    item(
        "Goal review: on or off track",
        AgendaKind::Update,
        5,
        "Each goal owner states only whether their goal is on track or off track. Any goal that is off track goes to the issues list for discussion later.",
    ),
    item(
        "Customer and employee headlines",
        AgendaKind::Information,
        5,
        "Collect short headlines about customers and employees, good or bad. Anything that needs discussion goes to the issues list rather than being debated now.",
    ),
    item(
        "Review action items",
        AgendaKind::Update,
        5,
        "Read out last week's action items; each owner answers done or not done. Anything not done rolls over or becomes an issue, and the follow-through rate is recorded.",
    ),
    item(
        "Issues: identify, discuss, solve",
        AgendaKind::Discussion,
        60,
        "Prioritise the issues list and pick the top three, then work them one at a time: identify the real root cause, discuss briefly, and solve with a decision or action item. Move on to the next issue only when the current one is solved or deliberately parked.",
    ),
    item(
        "Wrap-up: recap actions and rate the meeting",
        AgendaKind::CheckIn,
        5,
        "Recap the new action items with owners and due dates and agree what must be communicated to the organisation. Ask everyone to rate the meeting from 1 to 10 and briefly explain any score below 8.",
    ),
];

const ONE_ON_ONE_ITEMS: &[TemplateItem] = &[
    item(
        "Check-in",
        AgendaKind::CheckIn,
        5,
        "Start with how the person is doing, not with work status. Listen more than you talk.",
    ),
    item(
        "Their topics",
        AgendaKind::Discussion,
        10,
        "Let the report lead with the topics they added to the agenda. Ask open questions and help them reach their own answer where possible.",
    ),
    item(
        "Manager's topics",
        AgendaKind::Discussion,
        5,
        "Share context, changes and anything the report should know. Keep status updates short; they belong elsewhere.",
    ),
    item(
        "Goals, growth and feedback",
        AgendaKind::Discussion,
        5,
        "Review progress on the person's goals and development plan. Exchange feedback in both directions with concrete examples.",
    ),
    item(
        "Action items",
        AgendaKind::Decision,
        5,
        "Agree the follow-ups from this conversation, each with an owner and a due date. Check on the actions from the previous 1:1 before closing.",
    ),
];

const QUARTERLY_GOAL_PLANNING_ITEMS: &[TemplateItem] = &[
    item(
        "Check-in and intent",
        AgendaKind::CheckIn,
        10,
        "Ask each participant for their main hope and concern for the coming quarter. Restate the desired outcome of the session: an agreed, short list of owned goals.",
    ),
    item(
        "Review last quarter's goals",
        AgendaKind::Update,
        30,
        "Have each goal owner score their goal as achieved, partly achieved or missed, with evidence. Capture lessons learned and decide which unfinished goals carry over.",
    ),
    item(
        "Context: metrics, customers and market",
        AgendaKind::Information,
        20,
        "Present the key metrics, customer signals and relevant changes in the market or organisation. Keep it factual; interpretation comes in the next section.",
    ),
    item(
        "Brainstorm candidate goals",
        AgendaKind::Discussion,
        30,
        "Let everyone propose candidate goals silently, then share and cluster them. Favour outcomes over activities and do not judge ideas yet.",
    ),
    item(
        "Prioritise and choose goals",
        AgendaKind::Decision,
        30,
        "Narrow the list to three to seven goals for the quarter using a vote followed by discussion. Record what was explicitly not chosen and why.",
    ),
    item(
        "Measures of success and owners",
        AgendaKind::Decision,
        30,
        "For each chosen goal, agree one accountable owner and two to four measurable results that show it was reached. Make sure each measure can be checked weekly.",
    ),
    item(
        "Dependencies and resourcing",
        AgendaKind::Discussion,
        15,
        "Identify cross-team dependencies, capacity conflicts and risks for the chosen goals. Assign action items to resolve the biggest ones.",
    ),
    item(
        "Wrap-up: commitments and communication",
        AgendaKind::Decision,
        15,
        "Read back the goals, owners and measures, and agree how and when they will be shared with the organisation. Ask everyone to rate the session.",
    ),
];

const PROJECT_KICKOFF_ITEMS: &[TemplateItem] = &[
    item(
        "Welcome and introductions",
        AgendaKind::CheckIn,
        5,
        "Have each person give their name, role and what they hope this project achieves. Keep introductions to a sentence or two each.",
    ),
    item(
        "Why: problem, goal and success measures",
        AgendaKind::Information,
        10,
        "Ask the sponsor to explain the problem being solved, the goal the project serves and how success will be measured. Invite clarifying questions only.",
    ),
    item(
        "Scope: in and out",
        AgendaKind::Discussion,
        10,
        "List what is in scope and, just as importantly, what is out of scope. Record open scope questions with an owner.",
    ),
    item(
        "Roles and responsibilities",
        AgendaKind::Decision,
        10,
        "Agree who decides, who does the work, who is consulted and who is kept informed. Record the decision so it can be referred to later.",
    ),
    item(
        "Timeline and milestones",
        AgendaKind::Information,
        10,
        "Present the key milestones and fixed dates. Check that the team sees them as realistic and note any concerns.",
    ),
    item(
        "Risks, dependencies and assumptions",
        AgendaKind::Discussion,
        10,
        "Brainstorm the main risks, external dependencies and assumptions. Give the top risks an owner and a first mitigation step.",
    ),
    item(
        "Ways of working and next steps",
        AgendaKind::Decision,
        5,
        "Agree the meeting cadence, communication channels and where decisions are recorded. Close by confirming the first action items with owners and due dates.",
    ),
];

const ALL_HANDS_ITEMS: &[TemplateItem] = &[
    item(
        "Welcome and agenda",
        AgendaKind::CheckIn,
        5,
        "Welcome everyone, including remote attendees, and walk through today's agenda. Say how questions can be submitted during the session.",
    ),
    item(
        "Company goals and progress",
        AgendaKind::Update,
        15,
        "Share where the organisation stands against its goals for the quarter, honestly including what is off track. Connect the numbers to the decisions leadership has made.",
    ),
    item(
        "Team highlights",
        AgendaKind::Information,
        15,
        "Give a few teams a strict few minutes each to show what they shipped or learned. Ask presenters to link their work to a company goal.",
    ),
    item(
        "Wins and recognition",
        AgendaKind::Information,
        5,
        "Recognise specific people and contributions by name, including work that is usually invisible. Keep it concrete and sincere.",
    ),
    item(
        "Open questions",
        AgendaKind::Discussion,
        15,
        "Answer submitted and live questions, starting with the most voted ones. If a question cannot be answered now, say who will follow up and by when.",
    ),
    item(
        "Close: key takeaways",
        AgendaKind::Information,
        5,
        "Summarise the three things everyone should remember. Ask attendees to rate the meeting and share where the recording and notes will be posted.",
    ),
];

pub const BUILTIN_TEMPLATES: &[BuiltinTemplate] = &[
    BuiltinTemplate {
        key: "daily-standup",
        name: "Daily stand-up",
        description: "Use every working day to let a team inspect progress toward its sprint goal and surface blockers.",
        purpose: "Everyone knows where the team stands against the sprint goal and every blocker has an owner.",
        duration_minutes: 15,
        roles: FACILITATOR_ONLY,
        suggested_rrule: Some("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"),
        items: DAILY_STANDUP_ITEMS,
    },
    BuiltinTemplate {
        key: "sprint-planning",
        name: "Sprint planning",
        description: "Use at the start of each sprint to agree a sprint goal and the work that will achieve it.",
        purpose: "An agreed sprint goal linked to team goals, with selected backlog items that fit capacity and a first task breakdown.",
        duration_minutes: 120,
        roles: ALL_ROLES,
        suggested_rrule: None,
        items: SPRINT_PLANNING_ITEMS,
    },
    BuiltinTemplate {
        key: "backlog-refinement",
        name: "Backlog refinement (grooming)",
        description: "Use weekly to keep the top of the backlog clear, estimated and ready for the next sprint planning.",
        purpose: "Enough clarified, estimated and ranked backlog items are ready for the next sprint planning.",
        duration_minutes: 60,
        roles: ALL_ROLES,
        suggested_rrule: Some("FREQ=WEEKLY"),
        items: BACKLOG_REFINEMENT_ITEMS,
    },
    BuiltinTemplate {
        key: "sprint-review",
        name: "Sprint review",
        description: "Use at the end of each sprint to show stakeholders the finished increment and gather feedback.",
        purpose: "Stakeholders have seen the increment, their feedback is captured and the backlog reflects what comes next.",
        duration_minutes: 60,
        roles: ALL_ROLES,
        suggested_rrule: None,
        items: SPRINT_REVIEW_ITEMS,
    },
    BuiltinTemplate {
        key: "sprint-retrospective",
        name: "Sprint retrospective",
        description: "Use at the end of each sprint so the team can inspect how it works and choose improvements.",
        purpose: "The team agrees one to three improvement action items, each with an owner and a due date.",
        duration_minutes: 60,
        roles: ALL_ROLES,
        suggested_rrule: None,
        items: SPRINT_RETROSPECTIVE_ITEMS,
    },
    BuiltinTemplate {
        key: "po-sm-sync",
        name: "Product Owner / Scrum Master sync",
        description: "Use weekly for the Product Owner and Scrum Master to align on sprint health, impediments and backlog readiness.",
        purpose: "Product Owner and Scrum Master share one view of sprint risks, impediments and backlog readiness, with clear next steps.",
        duration_minutes: 30,
        roles: FACILITATOR_NOTES,
        suggested_rrule: Some("FREQ=WEEKLY"),
        items: PO_SM_SYNC_ITEMS,
    },
    BuiltinTemplate {
        key: "weekly-leadership",
        name: "Weekly leadership meeting",
        description: "Use weekly for a leadership team to check numbers, goals and commitments and then solve the most important issues.",
        purpose: "The leadership team knows where metrics and goals stand, has reviewed last week's commitments and has solved its top issues.",
        duration_minutes: 90,
        roles: ALL_ROLES,
        suggested_rrule: Some("FREQ=WEEKLY"),
        items: WEEKLY_LEADERSHIP_ITEMS,
    },
    BuiltinTemplate {
        key: "one-on-one",
        name: "1:1",
        description: "Use every two weeks for a manager and a team member to talk about wellbeing, priorities, growth and feedback.",
        purpose: "Both people leave with shared priorities, honest feedback exchanged and clear follow-ups.",
        duration_minutes: 30,
        roles: FACILITATOR_NOTES,
        suggested_rrule: Some("FREQ=WEEKLY;INTERVAL=2"),
        items: ONE_ON_ONE_ITEMS,
    },
    BuiltinTemplate {
        key: "quarterly-goal-planning",
        name: "Quarterly goal planning",
        description: "Use once a quarter to review the last quarter's goals and agree the goals, measures and owners for the next one.",
        purpose: "A short list of goals for the quarter, each with one owner and measurable results, agreed and ready to communicate.",
        duration_minutes: 180,
        roles: ALL_ROLES,
        suggested_rrule: Some("FREQ=MONTHLY;INTERVAL=3"),
        items: QUARTERLY_GOAL_PLANNING_ITEMS,
    },
    BuiltinTemplate {
        key: "project-kickoff",
        name: "Project kick-off",
        description: "Use once at the start of a project to align everyone on its goal, scope, roles, timeline and risks.",
        purpose: "Everyone involved shares the project's goal, scope, roles, milestones and top risks, and the first action items are assigned.",
        duration_minutes: 60,
        roles: ALL_ROLES,
        suggested_rrule: None,
        items: PROJECT_KICKOFF_ITEMS,
    },
    BuiltinTemplate {
        key: "all-hands",
        name: "All-hands",
        description: "Use monthly to share progress on company goals with the whole organisation and answer open questions.",
        purpose: "Everyone understands where the organisation stands against its goals and has had the chance to ask questions.",
        duration_minutes: 60,
        roles: ALL_ROLES,
        suggested_rrule: Some("FREQ=MONTHLY"),
        items: ALL_HANDS_ITEMS,
    },
];

/// The built-in template with this key.
pub fn builtin(key: &str) -> Option<&'static BuiltinTemplate> {
    BUILTIN_TEMPLATES
        .iter()
        .find(|template| template.key == key)
}

impl BuiltinTemplate {
    /// Sum of the items' timeboxes.
    pub fn planned_minutes(&self) -> i64 {
        self.items.iter().map(|item| item.timebox_minutes).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn is_kebab_case(key: &str) -> bool {
        !key.is_empty()
            && !key.starts_with('-')
            && !key.ends_with('-')
            && !key.contains("--")
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }

    #[test]
    fn there_are_eleven_templates() {
        assert_eq!(BUILTIN_TEMPLATES.len(), 11);
    }

    #[test]
    fn keys_are_unique_and_kebab_case() {
        let mut seen = HashSet::new();
        for template in BUILTIN_TEMPLATES {
            assert!(
                is_kebab_case(template.key),
                "not kebab-case: {}",
                template.key
            );
            assert!(seen.insert(template.key), "duplicate key: {}", template.key);
        }
    }

    #[test]
    fn timeboxes_sum_to_duration() {
        for template in BUILTIN_TEMPLATES {
            let sum: i64 = template.items.iter().map(|i| i.timebox_minutes).sum();
            assert_eq!(
                sum, template.duration_minutes,
                "timeboxes of {} do not add up",
                template.key
            );
            assert_eq!(template.planned_minutes(), template.duration_minutes);
        }
    }

    #[test]
    fn timeboxes_are_in_range() {
        for template in BUILTIN_TEMPLATES {
            for item in template.items {
                assert!(
                    (1..=1440).contains(&item.timebox_minutes),
                    "{} / {} has timebox {}",
                    template.key,
                    item.title,
                    item.timebox_minutes
                );
            }
        }
    }

    #[test]
    fn templates_are_well_formed() {
        const KNOWN_ROLES: [&str; 3] = ["facilitator", "note-taker", "timekeeper"];
        for template in BUILTIN_TEMPLATES {
            assert!(
                (3..=9).contains(&template.items.len()),
                "{} has {} items",
                template.key,
                template.items.len()
            );
            assert!(!template.name.is_empty());
            assert!(!template.description.is_empty());
            assert!(!template.purpose.is_empty());
            assert!(template.roles.contains(&"facilitator"));
            for role in template.roles {
                assert!(KNOWN_ROLES.contains(role), "unknown role {role}");
            }
            if let Some(rule) = template.suggested_rrule {
                assert!(rule.starts_with("FREQ="), "bad rrule {rule}");
                assert!(!rule.contains("DTSTART"));
            }
            for item in template.items {
                assert!(!item.title.is_empty());
                assert!(!item.notes.is_empty());
            }
        }
    }

    #[test]
    fn weekly_leadership_has_action_item_review() {
        let template = builtin("weekly-leadership").expect("weekly-leadership exists");
        assert_eq!(template.duration_minutes, 90);
        assert_eq!(template.suggested_rrule, Some("FREQ=WEEKLY"));
        let review = template
            .items
            .iter()
            .find(|item| item.title == "Review action items")
            .expect("has a Review action items item");
        assert_eq!(review.kind, AgendaKind::Update);
        assert_eq!(review.timebox_minutes, 5);
    }

    #[test]
    fn unknown_key_is_none() {
        assert!(builtin("nope").is_none());
    }
}
