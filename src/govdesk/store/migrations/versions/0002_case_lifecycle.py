"""case lifecycle

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agreements',
    sa.Column('center_id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('oral', sa.Boolean(), nullable=False),
    sa.Column('supplements_id', sa.String(length=36), nullable=True),
    sa.Column('made_on', sa.Date(), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('matters', sa.Text(), nullable=False),
    sa.Column('responsibilities', sa.Text(), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('effective_on', sa.Date(), nullable=True),
    sa.Column('locked_hash', sa.String(length=64), nullable=True),
    sa.Column('confirmation_applied_on', sa.Date(), nullable=True),
    sa.Column('confirmation_court', sa.String(length=100), nullable=False),
    sa.Column('confirmation_result', sa.String(length=20), nullable=True),
    sa.Column('confirmation_result_on', sa.Date(), nullable=True),
    sa.Column('confirmation_case_no', sa.String(length=60), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_agreements_case_id_cases')),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_agreements_center_id_centers')),
    sa.ForeignKeyConstraint(['supplements_id'], ['agreements.id'], name=op.f('fk_agreements_supplements_id_agreements')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreements'))
    )
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreements_case_id'), ['case_id'], unique=False)

    op.create_table('case_events',
    sa.Column('center_id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=False),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=True),
    sa.Column('corrects_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_events_case_id_cases')),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_case_events_center_id_centers')),
    sa.ForeignKeyConstraint(['corrects_id'], ['case_events.id'], name=op.f('fk_case_events_corrects_id_case_events')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_events')),
    sa.UniqueConstraint('case_id', 'seq', name=op.f('uq_case_events_case_id_seq'))
    )
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_events_case_id'), ['case_id'], unique=False)

    op.create_table('referrals',
    sa.Column('center_id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('department', sa.String(length=60), nullable=False),
    sa.Column('cooperating', sa.JSON(), nullable=True),
    sa.Column('referred_at', sa.DateTime(), nullable=False),
    sa.Column('referred_by', sa.String(length=60), nullable=False),
    sa.Column('receive_due', sa.Date(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=True),
    sa.Column('received_by', sa.String(length=60), nullable=False),
    sa.Column('handle_due', sa.Date(), nullable=False),
    sa.Column('reported_at', sa.DateTime(), nullable=True),
    sa.Column('report', sa.Text(), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('sent_back_count', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_referrals_case_id_cases')),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_referrals_center_id_centers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referrals'))
    )
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referrals_case_id'), ['case_id'], unique=False)

    op.create_table('obligations',
    sa.Column('center_id', sa.String(length=36), nullable=False),
    sa.Column('agreement_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('obligor', sa.String(length=100), nullable=False),
    sa.Column('obligee', sa.String(length=100), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('method', sa.String(length=200), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('performance', sa.String(length=20), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_obligations_agreement_id_agreements')),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_obligations_center_id_centers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_obligations')),
    sa.UniqueConstraint('agreement_id', 'position', name=op.f('uq_obligations_agreement_id_position'))
    )
    with op.batch_alter_table('obligations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_obligations_agreement_id'), ['agreement_id'], unique=False)

    op.create_table('signatures',
    sa.Column('center_id', sa.String(length=36), nullable=False),
    sa.Column('agreement_id', sa.String(length=36), nullable=False),
    sa.Column('signer', sa.String(length=20), nullable=False),
    sa.Column('party_position', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('recorded_by', sa.String(length=60), nullable=False),
    sa.Column('image_sha256', sa.String(length=64), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_signatures_agreement_id_agreements')),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_signatures_center_id_centers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signatures'))
    )
    with op.batch_alter_table('signatures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signatures_agreement_id'), ['agreement_id'], unique=False)

    op.add_column('cases', sa.Column('accepted_at', sa.DateTime(), nullable=True))
    op.add_column('cases', sa.Column('resolved_at', sa.DateTime(), nullable=True))
    op.add_column('cases', sa.Column('confirmed_at', sa.DateTime(), nullable=True))
    op.add_column('cases', sa.Column('fed_back_at', sa.DateTime(), nullable=True))
    op.add_column('cases', sa.Column('closed_at', sa.DateTime(), nullable=True))
    op.add_column('cases', sa.Column('archived_at', sa.DateTime(), nullable=True))
    op.add_column('cases', sa.Column('due_date', sa.Date(), nullable=True))
    op.add_column('cases', sa.Column('due_what', sa.String(length=40), nullable=False, server_default=''))
    op.add_column('cases', sa.Column('handlers', sa.JSON(), nullable=True))
    op.add_column('cases', sa.Column('violence_risk', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column('cases', sa.Column('group_petition', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column('cases', sa.Column('police_reported_at', sa.DateTime(), nullable=True))
    op.add_column('cases', sa.Column('risk_manual', sa.String(length=10), nullable=True))
    op.add_column('cases', sa.Column('risk_manual_reason', sa.Text(), nullable=False, server_default=''))
    op.add_column('cases', sa.Column('risk_reasons', sa.JSON(), nullable=True))
    op.add_column('cases', sa.Column('satisfaction', sa.String(length=20), nullable=True))
    op.create_index('ix_cases_due_date', 'cases', ['due_date'], unique=False)

    # Records are append-only: a correction is a new event that references the old one.
    for table in ("case_events", "signatures"):
        op.execute(f"""CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN
            SELECT RAISE(ABORT, '{table} is append-only'); END""")
        op.execute(f"""CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN
            SELECT RAISE(ABORT, '{table} is append-only'); END""")


def downgrade() -> None:
    # Going back would need a table copy that drops the FTS triggers; restore the pre-migration backup instead.
    raise NotImplementedError("downgrade is not supported: restore the backup taken before the migration")
