// Default session names, as the official client picks them: a random scientist's surname.

/** Surnames of astronomers, physicists and mathematicians; all valid session names. */
export const SCIENTISTS: readonly string[] = [
  'bell', 'bohr', 'brahe', 'cannon', 'cassini', 'chandrasekhar', 'copernicus', 'curie', 'darwin', 'dirac',
  'einstein', 'euler', 'faraday', 'fermi', 'feynman', 'fleming', 'franklin', 'galileo', 'gauss', 'halley',
  'hawking', 'herschel', 'hopper', 'hoyle', 'hubble', 'huygens', 'kepler', 'kuiper', 'laplace', 'leavitt',
  'lemaitre', 'lovelace', 'maxwell', 'meitner', 'messier', 'mitchell', 'newton', 'noether', 'oort', 'payne',
  'planck', 'riemann', 'rubin', 'sagan', 'somerville', 'tesla', 'turing', 'zwicky',
];

/** A random surname from SCIENTISTS; `random` returns a number in [0, 1) like Math.random. */
export function randomScientist(random: () => number = Math.random): string {
  return SCIENTISTS[Math.floor(random() * SCIENTISTS.length) % SCIENTISTS.length];
}
