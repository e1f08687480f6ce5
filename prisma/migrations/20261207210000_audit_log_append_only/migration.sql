-- audit_log is the record of what staff and workflows did: the database itself refuses to change
-- or remove a row, so neither a bug nor someone holding the application's credentials can rewrite
-- history. The triggers fire for every role, and only the owner dropping them gets around them.
-- The body is an E'' string with \073 for each semicolon: the wasm fallback of Prisma's schema
-- engine (prisma/engine) splits a migration at every semicolon, dollar quotes or not.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS E'BEGIN RAISE EXCEPTION ''audit_log is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END\073'
;

CREATE TRIGGER audit_log_append_only
BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate
BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
