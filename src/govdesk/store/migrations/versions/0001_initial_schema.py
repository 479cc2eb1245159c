"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# Full-text search, kept in step by triggers (never by the UI). ``case_fts`` (trigram) answers queries of
# 3+ characters; ``case_fts_short`` holds one token per Chinese character (gd_spaced) so that 1–2
# character queries (a surname, 纠纷) are phrase matches instead of a table scan. Both are keyed by
# cases.local_no, which (unlike an implicit rowid) survives VACUUM.
_FTS_SQL = [
    """CREATE VIRTUAL TABLE case_fts USING fts5(title, facts, names, address,
        tokenize='trigram', content='', contentless_delete=1)""",
    """CREATE VIRTUAL TABLE case_fts_short USING fts5(body,
        tokenize='unicode61', content='', contentless_delete=1)""",
    """CREATE TRIGGER cases_fts_ai AFTER INSERT ON cases BEGIN
        INSERT INTO case_fts(rowid, title, facts, names, address)
            VALUES (new.local_no, new.title, new.facts, new.party_names, new.address);
        INSERT INTO case_fts_short(rowid, body) VALUES (new.local_no,
            gd_spaced(new.title || ' ' || new.party_names || ' ' || new.address || ' ' || new.facts));
    END""",
    """CREATE TRIGGER cases_fts_au AFTER UPDATE OF title, facts, party_names, address ON cases BEGIN
        DELETE FROM case_fts WHERE rowid = old.local_no;
        DELETE FROM case_fts_short WHERE rowid = old.local_no;
        INSERT INTO case_fts(rowid, title, facts, names, address)
            VALUES (new.local_no, new.title, new.facts, new.party_names, new.address);
        INSERT INTO case_fts_short(rowid, body) VALUES (new.local_no,
            gd_spaced(new.title || ' ' || new.party_names || ' ' || new.address || ' ' || new.facts));
    END""",
    """CREATE TRIGGER cases_fts_ad AFTER DELETE ON cases BEGIN
        DELETE FROM case_fts WHERE rowid = old.local_no;
        DELETE FROM case_fts_short WHERE rowid = old.local_no;
    END""",
    *[
        f"""CREATE TRIGGER case_parties_names_{suffix} AFTER {event} ON case_parties BEGIN
            UPDATE cases SET party_names = coalesce((SELECT group_concat(display_name, ' ') FROM
                (SELECT display_name FROM case_parties WHERE case_id = {row}.case_id
                 AND deleted_at IS NULL ORDER BY position)), '')
            WHERE id = {row}.case_id AND party_names IS NOT coalesce((SELECT group_concat(display_name, ' ')
                FROM (SELECT display_name FROM case_parties WHERE case_id = {row}.case_id
                 AND deleted_at IS NULL ORDER BY position)), '');
        END"""
        for suffix, event, row in [
            ("ai", "INSERT", "new"),
            ("au", "UPDATE OF display_name, deleted_at", "new"),
            ("ad", "DELETE", "old"),
        ]
    ],
    """CREATE TRIGGER persons_name_au AFTER UPDATE OF name ON persons BEGIN
        UPDATE case_parties SET display_name = new.name WHERE person_id = new.id;
    END""",
    """CREATE TRIGGER organisations_name_au AFTER UPDATE OF name ON organisations BEGIN
        UPDATE case_parties SET display_name = new.name WHERE organisation_id = new.id;
    END""",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
    END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
    END""",
]


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('device', sa.String(length=100), nullable=False),
    sa.Column('event', sa.String(length=40), nullable=False),
    sa.Column('object_type', sa.String(length=40), nullable=False),
    sa.Column('object_id', sa.String(length=60), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('details', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    sa.UniqueConstraint('seq', name=op.f('uq_audit_log_seq'))
    )
    op.create_table('centers',
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('committee_name', sa.String(length=100), nullable=False),
    sa.Column('station_no', sa.Integer(), nullable=False),
    sa.Column('is_local', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_centers')),
    sa.UniqueConstraint('code', name=op.f('uq_centers_code'))
    )
    op.create_table('store_settings',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_store_settings'))
    )
    op.create_table('number_counters',
    sa.Column('center_id', sa.String(length=36), nullable=False),
    sa.Column('series', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('station_no', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_number_counters_center_id_centers')),
    sa.PrimaryKeyConstraint('center_id', 'series', 'year', 'station_no', name=op.f('pk_number_counters'))
    )
    op.create_table('organisations',
    sa.Column('center_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('credit_code', sa.String(length=18), nullable=True),
    sa.Column('representative', sa.String(length=60), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_organisations_center_id_centers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisations'))
    )
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisations_credit_code'), ['credit_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisations_name'), ['name'], unique=False)

    op.create_table('staff',
    sa.Column('center_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_staff_center_id_centers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff'))
    )
    op.create_table('villages',
    sa.Column('center_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('is_community', sa.Boolean(), nullable=False),
    sa.Column('boundary', sa.JSON(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_villages_center_id_centers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_villages')),
    sa.UniqueConstraint('code', name=op.f('uq_villages_code'))
    )
    op.create_table('grids',
    sa.Column('center_id', sa.String(length=36), nullable=False),
    sa.Column('village_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('officer_name', sa.String(length=60), nullable=False),
    sa.Column('officer_phone', sa.String(length=20), nullable=False),
    sa.Column('boundary', sa.JSON(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_grids_center_id_centers')),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_grids_village_id_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grids')),
    sa.UniqueConstraint('code', name=op.f('uq_grids_code'))
    )
    with op.batch_alter_table('grids', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grids_village_id'), ['village_id'], unique=False)

    op.create_table('cases',
    sa.Column('local_no', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=True),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('risk', sa.String(length=10), nullable=False),
    sa.Column('risk_reason', sa.Text(), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('claims', sa.Text(), nullable=False),
    sa.Column('occurred_at', sa.Date(), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('village_id', sa.String(length=36), nullable=True),
    sa.Column('grid_id', sa.String(length=36), nullable=True),
    sa.Column('people_involved', sa.Integer(), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=True),
    sa.Column('party_names', sa.Text(), nullable=False),
    sa.Column('registered_by', sa.String(length=60), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_cases_center_id_centers')),
    sa.ForeignKeyConstraint(['grid_id'], ['grids.id'], name=op.f('fk_cases_grid_id_grids')),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_cases_village_id_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('local_no', name=op.f('uq_cases_local_no')),
    sa.UniqueConstraint('number', name=op.f('uq_cases_number'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_category_local', ['category', 'local_no'], unique=False)
        batch_op.create_index('ix_cases_created', ['created_at'], unique=False)
        batch_op.create_index('ix_cases_kind_local', ['kind', 'local_no'], unique=False)
        batch_op.create_index('ix_cases_occurred', ['occurred_at'], unique=False)
        batch_op.create_index('ix_cases_risk_local', ['risk', 'local_no'], unique=False)
        batch_op.create_index('ix_cases_status_local', ['status', 'local_no'], unique=False)
        batch_op.create_index('ix_cases_village_local', ['village_id', 'local_no'], unique=False)

    op.create_table('persons',
    sa.Column('center_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('gender', sa.String(length=2), nullable=True),
    sa.Column('ethnicity', sa.String(length=12), nullable=True),
    sa.Column('id_type', sa.String(length=20), nullable=False),
    sa.Column('id_number', sa.String(length=30), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('village_id', sa.String(length=36), nullable=True),
    sa.Column('grid_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_persons_center_id_centers')),
    sa.ForeignKeyConstraint(['grid_id'], ['grids.id'], name=op.f('fk_persons_grid_id_grids')),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_persons_village_id_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persons'))
    )
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_persons_id_number'), ['id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_persons_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_persons_phone'), ['phone'], unique=False)
        batch_op.create_index(batch_op.f('ix_persons_village_id'), ['village_id'], unique=False)

    op.create_table('case_parties',
    sa.Column('center_id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('organisation_id', sa.String(length=36), nullable=True),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_parties_case_id_cases')),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_case_parties_center_id_centers')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_case_parties_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_case_parties_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_parties')),
    sa.UniqueConstraint('case_id', 'position', name=op.f('uq_case_parties_case_id_position'))
    )
    with op.batch_alter_table('case_parties', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_parties_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_parties_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_parties_person_id'), ['person_id'], unique=False)

    for statement in _FTS_SQL:
        op.execute(statement)


def downgrade() -> None:
    for name in ("case_fts", "case_fts_short"):
        op.execute(f"DROP TABLE IF EXISTS {name}")
    with op.batch_alter_table('case_parties', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_parties_person_id'))
        batch_op.drop_index(batch_op.f('ix_case_parties_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_case_parties_case_id'))

    op.drop_table('case_parties')
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_persons_village_id'))
        batch_op.drop_index(batch_op.f('ix_persons_name'))
        batch_op.drop_index(batch_op.f('ix_persons_phone'))
        batch_op.drop_index(batch_op.f('ix_persons_id_number'))

    op.drop_table('persons')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_village_local')
        batch_op.drop_index('ix_cases_status_local')
        batch_op.drop_index('ix_cases_risk_local')
        batch_op.drop_index('ix_cases_occurred')
        batch_op.drop_index('ix_cases_kind_local')
        batch_op.drop_index('ix_cases_created')
        batch_op.drop_index('ix_cases_category_local')

    op.drop_table('cases')
    with op.batch_alter_table('grids', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grids_village_id'))

    op.drop_table('grids')
    op.drop_table('villages')
    op.drop_table('staff')
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisations_name'))
        batch_op.drop_index(batch_op.f('ix_organisations_credit_code'))

    op.drop_table('organisations')
    op.drop_table('number_counters')
    op.drop_table('store_settings')
    op.drop_table('centers')
    op.drop_table('audit_log')
