/*
 * Intentionally empty: the index this file used to create was moved to 0031.
 * ; -- # all inside a comment
 */
