-- Expression index for case-insensitive look-ups written as lower(email) = ?.
CREATE INDEX users_email_lower ON users (lower(email));
