// <loyalty-launcher>: its button and the dialog around the panel (the panel's own strings load with it).
export const launcher = {
  'launcher.label': 'Loyalty program',
  'launcher.open': 'Open {program}',
  'launcher.openWithPoints': 'Open {program}, {points}',
};
