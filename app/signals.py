"""Blinker signals: how domains tell others (realtime, audit, notifications) what happened.

Domains announce (app.unit_of_work.announce); only listeners know about Socket.IO or SMS.
Each signal is sent after the change is committed, never after a rollback, with plain
keyword arguments.
"""
from blinker import Namespace

_signals = Namespace()

ballot_cast = _signals.signal("ballot-cast")  # consultation_id, estate_id
#: a ballot someone else recorded for a flat (committee entry, proxy): its owners are told
ballot_entered = _signals.signal("ballot-entered")  # consultation_id, estate_id, flat_id, ballot_id, version, voter_id
#: the committee entered something on paper for flats (sign-ins, a support): owners known only
#: by the ledger's number hear it by SMS (app.reach.flats)
flats_entered = _signals.signal("flats-entered")  # estate_id, flat_ids, kind, params, path, dedup_key
consultation_status_changed = _signals.signal("consultation-status-changed")  # consultation_id, estate_id, status
post_created = _signals.signal("post-created")  # case_id, estate_id, post_id
post_hidden = _signals.signal("post-hidden")  # case_id, estate_id, post_id
post_edited = _signals.signal("post-edited")  # case_id, estate_id, post_id
case_meeting_scheduled = _signals.signal("case-meeting-scheduled")  # case_id, estate_id, meeting_id
case_resolution_opened = _signals.signal("case-resolution-opened")  # case_id, estate_id, consultation_id
elevator_stage_changed = _signals.signal("elevator-stage-changed")  # project_id, estate_id, stage
progress_posted = _signals.signal("progress-posted")  # project_id, estate_id, post_id
notification_created = _signals.signal("notification-created")  # user_id, estate_id, notification_id
flat_transferred = _signals.signal("flat-transferred")  # estate_id, flat_id, transfer_id, user_ids, actor_id
#: a committee approved or refused a claim on a flat (after commit): the claimant is told
claim_decided = _signals.signal("claim-decided")  # estate_id, link_id, approved
