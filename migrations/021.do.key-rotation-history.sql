-- Re-encrypting a CPR number under a new key (key rotation) is not a correction of the record:
-- keep_history skips an UPDATE of citizen that changes nothing but cpr_encrypted (and the
-- anonymisation of retention removes history itself). Every other update keeps its old row.
CREATE OR REPLACE FUNCTION keep_history() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'citizen' AND (to_jsonb(OLD) - 'cpr_encrypted') = (to_jsonb(NEW) - 'cpr_encrypted') THEN
    RETURN NEW;
  END IF;
  INSERT INTO record_history (municipality_id, table_name, row_id, version, data)
  VALUES (OLD.municipality_id, TG_TABLE_NAME, OLD.id, OLD.version, to_jsonb(OLD));
  RETURN NEW;
END
$$;
