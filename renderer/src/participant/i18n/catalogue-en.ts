/**
 * Every participant-facing string, in English (UK), as ICU messages: `{name}` placeholders,
 * `{count, plural, one {…} other {…}}` plurals, `<b>…</b>` tags. This is the source catalogue
 * translations are made from (docs/translating.md); its keys are the type every other
 * catalogue must fill.
 */
export const en = {
  'page.title': 'Join a Cohear session',
  'status.connected': 'Connected',
  'status.offline': 'Offline: your words wait on this phone',
  'prefs.summary': 'Language and text size',
  'prefs.language': 'Language',
  'prefs.textSize': 'Text size',
  'prefs.size.standard': 'Standard',
  'prefs.size.large': 'Large',
  'prefs.size.largest': 'Largest',

  'join.title': 'Join a session',
  'join.label': 'Type the code the facilitator gave you',
  'join.hint': 'It has {digits} numbers. Spaces do not matter.',
  'join.submit': 'Join',
  'join.noAccount': 'You do not need an account. Nobody sees your name.',
  'join.error.short':
    'The code has {digits} numbers; you have typed {typed, plural, =0 {none} one {# number} other {# numbers}}.',
  'join.error.wrongCode': 'That code did not work. Check the numbers with the facilitator.',
  'join.error.closed': 'That session has closed. Ask the facilitator if there is another one.',
  'join.error.linkExpired': 'That link has expired. Ask the facilitator for the code.',
  'join.error.offline': 'Cannot reach the session. Check your signal and try again.',
  'join.error.placeEnded': 'Your place in that session has ended. Type a new code to join again.',
  'join.error.other': 'That did not work. Try again in a moment.',
  'join.wait.reason':
    'Many people on this network have typed codes just now, so we are waiting a moment. We will try your code again by ourselves.',
  'join.wait.countdown': 'Trying again in {seconds, plural, one {# second} other {# seconds}}',

  'consent.title': 'Before we start',
  'consent.intro':
    'What you write here helps redesign the service. You can change these choices at any time, and you can take back anything you wrote.',
  'consent.legend': 'Your choices',
  'consent.storeWords':
    '<b>Keep what I write</b> so the team can use it in their findings. Your name is never stored with your words.',
  'consent.quote':
    '<b>You may quote me</b> in reports, without my name (for example “a parent said…”).',
  'consent.recording': '<b>I agree to the session being recorded</b> while I am in it.',
  'consent.withoutFirst':
    'Without the first box you can still follow the session and vote, but you cannot add notes.',
  'consent.eraseWarning':
    '<b>Unticking “Keep what I write” removes everything you have added here</b>, your notes and your votes, from the session and from our records. This cannot be undone.',
  'consent.continue': 'Continue',

  'about.title': 'About you (optional)',
  'about.intro':
    'These help the team see whose voices are missing. They are only ever shown as totals.',
  'about.gender': 'Gender',
  'about.age': 'Age',
  'about.ethnicity': 'Ethnic group',
  'about.town': 'Town or area',
  'about.notAnswered': 'Not answered',
  'about.preferNot': 'Prefer not to say',
  'about.save': 'Save and continue',
  'about.skip': 'Skip',

  'room.connecting': 'Connecting to the session…',
  'room.waitingStart': 'Waiting for the session to start',
  'room.startSoon': 'The facilitator will start soon. You can already add your words below.',
  'room.newQuestion': 'New question: {title}',
  'room.noConsent':
    'You chose not to have your words kept, so you can follow and vote but not add notes.',
  'room.changeChoices': 'Change your choices',
  'room.youAre': 'You are {descriptor}.',
  'room.yourChoices': 'Your choices about your words',
  'room.sharedHeading': 'What the group has said',

  'closed.title': 'This session has closed.',
  'closed.lateAccepted':
    'Words you send until {date} still reach the team, marked as sent after the session.',
  'closed.notAccepted':
    'It is not taking more words. Anything you type stays on this phone, and you can copy it to send another way.',

  'composer.label': 'Add your words',
  'composer.labelLate': 'Add your words (sent after the session)',
  'composer.left': '{count, plural, one {# character left} other {# characters left}}',
  'composer.tooLong': '{count, plural, one {# character too long} other {# characters too long}}',
  'composer.empty': 'Type some words first.',
  'composer.polarity': 'Is this something you',
  'composer.send': 'Send',
  'composer.afterSend': 'Sent. You can add more.',
  'composer.afterQueue': 'Kept on this phone. It will go as soon as you are connected.',

  'polarity.want': 'I would like to see',
  'polarity.doNotWant': 'I do not want to see',
  'polarity.neutral': 'Something else',

  'notes.heading': 'Your words',
  'notes.waiting': 'Waiting to send: it will go as soon as you are connected.',
  'notes.editWaiting': 'Your change is waiting to send.',
  'notes.withdrawWaiting': 'Taking back: waiting to send.',
  'notes.sent': 'Sent',
  'notes.sentLate': 'Sent after the session closed',
  'notes.sentAnnounce': 'Your words were sent.',
  'notes.edit': 'Edit',
  'notes.takeBack': 'Take back',
  'notes.changeLabel': 'Change your words',
  'notes.save': 'Save',
  'notes.cancel': 'Cancel',
  'notes.confirmTakeBack': 'Take back these words? The team will no longer see them.',
  'notes.confirmYes': 'Yes, take back',
  'notes.confirmNo': 'Keep them',
  'notes.takenBack': 'Taken back. You can undo this for 10 seconds.',
  'notes.undo': 'Undo',
  'notes.undone': 'Your words are kept.',

  'kept.heading': 'Kept on this phone',
  'kept.explain':
    'These words were not sent. They stay here until you remove them. Copy them to send another way.',
  'kept.copy': 'Copy words',
  'kept.copied': 'Copied.',
  'kept.remove': 'Remove from this phone',

  'cards.heading': 'Did we hear you right?',
  'cards.yourAnswer': 'Your answer to:',
  'cards.vote.agree': 'Yes, that is right',
  'cards.vote.notQuite': 'Not quite',
  'cards.vote.disagree': 'No',
  'cards.tally': '{agree} yes, {notQuite} not quite, {disagree} no',
  'cards.yourComments': 'Your comments',
  'cards.commentLabel': 'Anything to add or correct?',
  'cards.commentSend': 'Send comment',
  'cards.commentEmpty': 'Type a comment first.',
  'cards.commentLong': 'A comment can be at most {max} characters.',
  'cards.commentSent': 'Your comment was sent.',

  'actions.heading': 'You said, we did',
  'actions.youSaid': 'You said:',
  'actions.weDid': 'We did:',
  'actions.planned': 'Planned',
  'actions.inProgress': 'In progress',
  'actions.done': 'Done',
  'actions.notDoing': 'Not being done',

  'error.offline': 'Cannot reach the session right now. Try again in a moment.',
  'write.error.invalid': 'That could not be saved as it is. Check it and try again.',
  'write.error.notFound': 'That is no longer in the session.',
  'write.error.notYours': 'You can only change your own words.',
  'write.error.consent': 'Agree that we may keep your words before adding them.',
  'write.error.closed':
    'Not sent: the session has closed and is not taking more words. Your words are kept on this phone.',
  'write.error.placeEnded': 'Your place in this session has ended.',
  'write.error.other': 'Not sent. Try again in a moment.',
} as const;

export type MessageKey = keyof typeof en;
