export const SESSION_COOKIE = 'ligevej_session';
