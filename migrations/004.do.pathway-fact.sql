-- One row per referral, rewritten in the same transaction as every write to its course.
-- Dashboards group by the dimension columns; the measures are plain columns to aggregate.
CREATE TABLE pathway_fact (
  referral_id         uuid PRIMARY KEY,
  municipality_id     uuid NOT NULL REFERENCES municipality(id),
  citizen_id          uuid NOT NULL,
  stage               text NOT NULL,
  referred_at         timestamptz NOT NULL,
  first_contact_at    timestamptz,
  clarified_at        timestamptz,
  started_at          timestamptz,
  ended_at            timestamptz,
  followed_up_at      timestamptz,
  outcome             text,
  dropout_reason      text,
  referral_source     text NOT NULL,
  diagnosis_group     text NOT NULL,
  chronic_count       smallint NOT NULL,
  sex                 text NOT NULL,
  age_band            text NOT NULL,
  education           text NOT NULL,
  education_group     text NOT NULL,
  labour_market       text NOT NULL,
  origin              text NOT NULL,
  living_alone        text NOT NULL,
  social_housing      text NOT NULL,
  area_type           text NOT NULL,
  interpreter_needed  text NOT NULL,
  sessions_planned    smallint NOT NULL DEFAULT 0,
  sessions_attended   smallint NOT NULL DEFAULT 0,
  hba1c_baseline      double precision,
  hba1c_end           double precision,
  weight_baseline     double precision,
  weight_end          double precision,
  who5_baseline       double precision,
  who5_end            double precision,
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pathway_fact_period ON pathway_fact (municipality_id, referred_at);
CREATE INDEX pathway_fact_education ON pathway_fact (municipality_id, education_group, stage);
CREATE INDEX pathway_fact_labour ON pathway_fact (municipality_id, labour_market, stage);
CREATE INDEX pathway_fact_origin ON pathway_fact (municipality_id, origin, stage);
SELECT isolate_by_municipality('pathway_fact', 'SELECT, INSERT, UPDATE');
